#!/bin/sh
# Builds the JMH jar if needed and runs the benchmarks matching the given pattern (default: all).
# Usage: benchmarks/scripts/run-jmh.sh [JMH options and regexp...]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
jar="$here/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -q -B -DskipTests -pl benchmarks -am package)
fi
exec java -jar "$jar" "$@"
