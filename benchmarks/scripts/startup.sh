#!/bin/sh
# Cold start, side by side in one run (issue #15's bars), each a fresh process, median of RUNS (default 15),
# interleaved so machine load hits every command alike:
#   1. `java -version`                        the JVM's own start
#   2. `./coreos4j ignition validate small.ign` through the launcher, as a user runs it (CDS archive, see coreos4j)
#      and `ignition-validate small.ign`       the reference, for scale
#   3. `java -cp <ignition-model + runtime deps> FirstParse`            same JVM and class path, no work
#      `java -cp <ignition-model + runtime deps> FirstParse small.ign`  a fresh JVM's first parse + validate
# Bars: (2) <= 4 x (1); (3) with the config minus (3) without <= 150 ms.
# The config is spec 3.3.0, the newest ignition-validate 2.14 reads.
# Usage: benchmarks/scripts/startup.sh [RUNS]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
runs=${1:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$here" && mvn -q -B -DskipTests -Dmaven.javadoc.skip=true -pl benchmarks -am package >"$work/build.log" 2>&1) \
  || { cat "$work/build.log"; exit 2; }
(cd "$here" && mvn -q -B -pl ignition-model dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$work/deps.cp" >"$work/cp.log" 2>&1) || { cat "$work/cp.log"; exit 2; }
cp="$here/benchmarks/target/classes:$(ls "$here"/ignition-model/target/ignition-model-*.jar | grep -v -e sources -e javadoc | head -n 1):$(cat "$work/deps.cp")"
"$here/coreos4j" --version >/dev/null   # builds the CLI jar and its CDS archive when needed

cat >"$work/small.ign" <<'JSON'
{"ignition":{"version":"3.3.0"},"passwd":{"users":[{"name":"core","sshAuthorizedKeys":["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEx example"]}]},"storage":{"files":[{"path":"/etc/hostname","mode":420,"contents":{"source":"data:,node1"}}]},"systemd":{"units":[{"name":"hello.service","enabled":true,"contents":"[Service]\nType=oneshot\nExecStart=/usr/bin/echo hello\n[Install]\nWantedBy=multi-user.target\n"}]}}
JSON

ms() { echo $(( $(date +%s%N) / 1000000 )); }
for i in $(seq "$runs"); do
  t=$(ms); java -version >/dev/null 2>&1; echo $(( $(ms) - t )) >>"$work/java"
  t=$(ms); "$here/coreos4j" ignition validate "$work/small.ign" >/dev/null; echo $(( $(ms) - t )) >>"$work/ours"
  if command -v ignition-validate >/dev/null 2>&1; then
    t=$(ms); ignition-validate "$work/small.ign" >/dev/null; echo $(( $(ms) - t )) >>"$work/ref"
  fi
  t=$(ms); java -cp "$cp" dev.coreos4j.benchmarks.FirstParse; echo $(( $(ms) - t )) >>"$work/noop"
  t=$(ms); java -cp "$cp" dev.coreos4j.benchmarks.FirstParse "$work/small.ign" >>"$work/inproc"; echo $(( $(ms) - t )) >>"$work/parse"
done
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
java_ms=$(median "$work/java"); ours_ms=$(median "$work/ours"); noop_ms=$(median "$work/noop"); parse_ms=$(median "$work/parse")
inproc=$(sed 's/[^0-9.]//g' "$work/inproc" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "runs: $runs each, medians, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "java -version:                               ${java_ms} ms"
echo "coreos4j ignition validate small.ign:        ${ours_ms} ms"
[ -f "$work/ref" ] && echo "ignition-validate small.ign:                 $(median "$work/ref") ms"
echo "JVM + ignition-model class path, no work:    ${noop_ms} ms"
echo "same + first Ignition.parse + validate:      ${parse_ms} ms (in-process: ${inproc} ms)"
awk -v o="$ours_ms" -v j="$java_ms" -v p="$parse_ms" -v n="$noop_ms" 'BEGIN {
  r = o / j; d = p - n
  printf "ratio coreos4j validate / java -version:     %.2f  (bar <= 4.00: %s)\n", r, r <= 4 ? "met" : "NOT met"
  printf "first parse+validate above JVM start:       %d ms (bar <= 150 ms: %s)\n", d, d <= 150 ? "met" : "NOT met" }'
