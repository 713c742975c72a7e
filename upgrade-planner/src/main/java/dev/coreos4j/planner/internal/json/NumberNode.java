package dev.coreos4j.planner.internal.json;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A JSON number: an {@link Integer}, {@link Long} or {@link BigInteger} when written without fraction or exponent,
 * otherwise a {@link Double} (as Jackson's tree model reads numbers by default).
 */
public final class NumberNode extends JsonNode {
    private final Number value;

    /** A number node; {@code value} is an Integer, Long, BigInteger or Double. */
    public NumberNode(Number value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The number. */
    public Number numberValue() {
        return value;
    }

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.NUMBER;
    }

    @Override
    public boolean isIntegralNumber() {
        return !(value instanceof Double);
    }

    @Override
    public boolean canConvertToInt() {
        if (value instanceof Integer) {
            return true;
        }
        if (value instanceof BigInteger bigInteger) {
            return bigInteger.bitLength() < 32;
        }
        double d = value.doubleValue();
        return d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE;
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public String asString() {
        return Json.compact(this);
    }
}
