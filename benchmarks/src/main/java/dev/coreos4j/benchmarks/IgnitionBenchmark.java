package dev.coreos4j.benchmarks;

import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parse + full validation of a ~5 MB config (20,000 files, 2,000 units), as {@code ignition-validate} does. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = "-Xmx512m")
public class IgnitionBenchmark {

    byte[] config;

    @Setup
    public void setUp() {
        config = LargeIgnitionConfig.generate(20_000, 2_000);
        ParseResult r = Ignition.parse(config);
        if (!r.isValid()) {
            throw new IllegalStateException("benchmark config is invalid: " + r.report());
        }
    }

    @Benchmark
    public ParseResult parseAndValidate() {
        return Ignition.parse(config);
    }
}
