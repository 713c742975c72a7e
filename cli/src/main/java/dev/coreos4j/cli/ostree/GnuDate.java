package dev.coreos4j.cli.ostree;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The date forms {@code ostree commit --timestamp} and {@code ostree prune --keep-younger-than} accept (gnulib's
 * {@code parse_datetime}, as {@code date -d}), the common subset: {@code @EPOCH}; ISO 8601
 * ({@code 2024-01-01T00:00:00Z}, with an offset); {@code YYYY-MM-DD [HH:MM[:SS]] [+ZZZZ|UTC|Z]}; {@code Month D[,] YYYY
 * [HH:MM[:SS]]} and {@code D Month YYYY} (full or three-letter English month names); {@code now}, {@code today},
 * {@code yesterday}, {@code tomorrow}; {@code N UNIT[s] [ago]} with units second/sec, minute/min, hour, day, week,
 * fortnight, month, year. Times without a zone are in {@code zone}.
 */
final class GnuDate {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));
    /** An optional time of day and an optional zone, after a date. */
    private static final String TIME =
            "(?:[ T]\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?";

    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})" + TIME);
    private static final Pattern MONTH_FIRST =
            Pattern.compile("([A-Za-z]+)\\.?\\s+(\\d{1,2}),?\\s+(-?\\d{1,4})" + TIME);
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})\\s+([A-Za-z]+)\\.?,?\\s+(-?\\d{1,4})" + TIME);
    private static final Pattern RELATIVE = Pattern.compile("([+-]?\\d+)\\s*([A-Za-z]+?)s?(\\s+ago)?");

    private GnuDate() {}

    /**
     * Seconds since the epoch for {@code text}.
     *
     * @throws IllegalArgumentException "Could not parse 'TEXT'" when the form is not one of the above
     */
    static long parse(String text, long nowEpoch, ZoneId zone) {
        String t = text.strip();
        try {
            Long v = tryParse(t, nowEpoch, zone);
            if (v != null) {
                return v;
            }
        } catch (DateTimeException | NumberFormatException e) {
            // fall through to the common message
        }
        throw new IllegalArgumentException("Could not parse '" + text + "'");
    }

    private static @Nullable Long tryParse(String t, long now, ZoneId zone) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.startsWith("@")) {
            return Long.parseLong(t.substring(1));
        }
        ZonedDateTime nowZ = java.time.Instant.ofEpochSecond(now).atZone(zone);
        Long named = switch (lower) {
            case "now", "today" -> now;
            case "yesterday" -> now - 86400;
            case "tomorrow" -> now + 86400;
            default -> null;
        };
        if (named != null) {
            return named;
        }
        try {
            return OffsetDateTime.parse(t).toEpochSecond();
        } catch (DateTimeParseException e) {
            // not strict ISO with offset
        }
        Matcher m = NUMERIC.matcher(t);
        if (m.matches()) {
            return at(
                    LocalDate.of(
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    m.group(7),
                    zone);
        }
        m = MONTH_FIRST.matcher(t);
        Integer monthFirst = m.matches() ? month(m.group(1)) : null;
        if (monthFirst != null) {
            return at(
                    LocalDate.of(Integer.parseInt(m.group(3)), monthFirst, Integer.parseInt(m.group(2))),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    m.group(7),
                    zone);
        }
        m = DAY_FIRST.matcher(t);
        Integer dayFirst = m.matches() ? month(m.group(2)) : null;
        if (dayFirst != null) {
            return at(
                    LocalDate.of(Integer.parseInt(m.group(3)), dayFirst, Integer.parseInt(m.group(1))),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    m.group(7),
                    zone);
        }
        m = RELATIVE.matcher(lower);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            if (m.group(3) != null) {
                n = -n;
            }
            ZonedDateTime r = switch (m.group(2)) {
                case "second", "sec" -> nowZ.plusSeconds(n);
                case "minute", "min" -> nowZ.plusMinutes(n);
                case "hour" -> nowZ.plusHours(n);
                case "day" -> nowZ.plusDays(n);
                case "week" -> nowZ.plusWeeks(n);
                case "fortnight" -> nowZ.plusWeeks(2 * n);
                case "month" -> nowZ.plusMonths(n);
                case "year" -> nowZ.plusYears(n);
                default -> null;
            };
            return r == null ? null : r.toEpochSecond();
        }
        return null;
    }

    private static @Nullable Integer month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.length() < 3) {
            return null;
        }
        Integer v = MONTHS.get(n.substring(0, 3));
        if (v == null) {
            return null;
        }
        String[] full = {
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december"
        };
        return n.length() == 3 || full[v - 1].equals(n) || (v == 9 && n.equals("sept")) ? v : null;
    }

    private static long at(LocalDate date, String h, String min, String s, String zoneText, ZoneId zone) {
        LocalTime time = h == null
                ? LocalTime.MIDNIGHT
                : LocalTime.of(Integer.parseInt(h), Integer.parseInt(min), s == null ? 0 : Integer.parseInt(s));
        ZoneId z = zone;
        if (zoneText != null) {
            z = switch (zoneText) {
                case "Z", "UTC", "GMT" -> ZoneOffset.UTC;
                default ->
                    ZoneOffset.of(
                            zoneText.length() == 5 ? zoneText.substring(0, 3) + ":" + zoneText.substring(3) : zoneText);
            };
        }
        return date.atTime(time).atZone(z).toEpochSecond();
    }
}
