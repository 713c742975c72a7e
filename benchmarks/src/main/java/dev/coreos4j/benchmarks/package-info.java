/**
 * JMH benchmarks of the libraries and the inputs they run on: Ignition parse + validate of a large config
 * ({@link dev.coreos4j.benchmarks.IgnitionBenchmark}, {@link dev.coreos4j.benchmarks.LargeIgnitionConfig}), Butane
 * translation, raw SHA-256 throughput, whole-rollout planning with and without the coupling gates, and importing a
 * large {@code oc get … -o json} dump ({@link dev.coreos4j.benchmarks.ClusterDump}). Plus
 * {@link dev.coreos4j.benchmarks.FirstParse}, a main class the start-up script times. Each class comment states the
 * bar it checks and how to run it ({@code benchmarks/scripts/run-jmh.sh NAME}); the side-by-side comparisons with
 * the reference tools are the shell scripts in {@code benchmarks/scripts/}. Never deployed; nothing here is API.
 *
 */
@NullMarked
package dev.coreos4j.benchmarks;

import org.jspecify.annotations.NullMarked;
