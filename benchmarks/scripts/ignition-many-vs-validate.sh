#!/bin/sh
# Side by side, many configs: ignition-validate once per config (it takes one file per run) against one
# `coreos4j ignition validate` process over all of them (JVM start-up included). Uses every corpus config of spec
# 3.0.0-3.3.0 (the versions ignition-validate 2.14 knows), prints both throughputs and their ratio, and counts the
# configs on which the two verdicts differ.
# Usage: benchmarks/scripts/ignition-many-vs-validate.sh [ROUNDS]   (ROUNDS copies of the corpus; default 1)
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
cli="$here/cli/target/coreos4j.jar"
"$here/coreos4j" --version >/dev/null   # the launcher rebuilds the CLI jar when sources are newer
command -v ignition-validate >/dev/null || { echo "ignition-validate is not installed (apt-get install -y ignition)" >&2; exit 2; }
rounds=${1:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
i=0
while [ "$i" -lt "$rounds" ]; do
  for v in 3.0.0 3.1.0 3.2.0 3.3.0; do
    for f in "$here/src/test/resources/ignition/$v"/*.json; do
      case "$f" in *.expect.json) continue ;; esac
      cp "$f" "$work/r$i-$v-$(basename "$f")"
    done
  done
  i=$((i + 1))
done
n=$(ls "$work" | wc -l)
echo "configs: $n"
now() { date +%s.%N; }
t0=$(now)
for f in "$work"/*.json; do
  if ignition-validate "$f" >/dev/null 2>&1; then echo "$(basename "$f") ok"; else echo "$(basename "$f") bad"; fi
done > "$work.ref"
t1=$(now)
java -Xmx512m -jar "$cli" ignition validate --format=json "$work"/*.json > "$work.ours" || true
t2=$(now)
# One JSON object per line, in argument order (the same glob order as above).
sed -E 's/.*"file":"[^"]*\/([^"\/]*)","valid":(true|false).*/\1 \2/; s/ true$/ ok/; s/ false$/ bad/' "$work.ours" > "$work.ours.v"
differ=$(diff "$work.ref" "$work.ours.v" | grep -c '^<' || true)
rm -f "$work.ref" "$work.ours" "$work.ours.v"
awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$n" -v d="$differ" 'BEGIN {
  ref = b - a; ours = c - b
  printf "ignition-validate: %.2f s (%.0f configs/s, one process per config)\n", ref, n / ref
  printf "coreos4j:          %.2f s (%.0f configs/s, one process)\n", ours, n / ours
  printf "throughput ratio (coreos4j / ignition-validate): %.1f\n", ref / ours
  printf "verdicts that differ: %d of %d\n", d, n }'
