#!/bin/sh
# Side by side: ignition-validate and `coreos4j ignition validate` on the same large config (20,000 files,
# 2,000 units, ~5 MB), each a fresh process, wall-clock seconds including JVM start-up; prints the ratio.
# Usage: benchmarks/scripts/ignition-vs-validate.sh [FILES [UNITS]]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
jar="$here/benchmarks/target/benchmarks.jar"
cli="$here/cli/target/coreos4j.jar"
[ -f "$jar" ] || (cd "$here" && mvn -q -B -DskipTests -pl benchmarks -am package)
"$here/coreos4j" --version >/dev/null   # the launcher rebuilds the CLI jar when sources are newer
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp "$jar" dev.coreos4j.benchmarks.LargeIgnitionConfig "$work/big.ign" "${1:-20000}" "${2:-2000}"
echo "config: $(wc -c < "$work/big.ign") bytes"
now() { date +%s.%N; }
t0=$(now); ignition-validate "$work/big.ign"; t1=$(now)
java -Xmx512m -jar "$cli" ignition validate "$work/big.ign"; t2=$(now)
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
  ref = b - a; ours = c - b
  printf "ignition-validate: %.2f s\ncoreos4j:          %.2f s\nratio (ignition-validate / coreos4j): %.2f\n", ref, ours, ref / ours }'
