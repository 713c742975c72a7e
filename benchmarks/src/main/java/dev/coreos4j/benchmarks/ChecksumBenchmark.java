package dev.coreos4j.benchmarks;

import dev.coreos4j.ostree.Checksum;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The machine's raw SHA-256 throughput: the ceiling for OSTree content hashing. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChecksumBenchmark {

    @Param({"4096", "1048576"})
    int size;

    byte[] data;

    @Setup
    public void setUp() {
        data = new byte[size];
        new Random(42).nextBytes(data);
    }

    @Benchmark
    public Checksum sha256() {
        return Checksum.sha256(data);
    }
}
