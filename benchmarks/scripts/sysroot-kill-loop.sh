#!/bin/sh
# Full-size kill loop of issue #19: SIGKILLs a child JVM at random instants of deploy, stage, finalize, rollback and
# cleanup (KILLS per operation, default 50: 250 kills), each followed by our load/status, `ostree admin status` and
# Sysroot.check(); a staged deployment must never be silently lost. `mvn verify` runs the same test with 12 per op.
# Usage: benchmarks/scripts/sysroot-kill-loop.sh [KILLS_PER_OP]
set -eu
kills=${1:-50}
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
command -v ostree >/dev/null || { echo "ostree is not installed" >&2; exit 2; }
cd "$root"
COREOS4J_REQUIRE_ORACLES=1 mvn -B -q -pl ostree-model -am -Dmaven.javadoc.skip=true \
    -Dtest='dev.coreos4j.ostree.deploy.CrashSafetyTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcoreos4j.crashTrials="$kills" verify >/tmp/sysroot-kill-loop.$$.log 2>&1 || status=$?
grep -h "SIGKILLs" ostree-model/target/surefire-reports/dev.coreos4j.ostree.deploy.CrashSafetyTest-output.txt || true
if [ "${status:-0}" -ne 0 ]; then
    grep -E "FAIL|trial" /tmp/sysroot-kill-loop.$$.log | head -20
    echo "kill loop FAILED (log: /tmp/sysroot-kill-loop.$$.log)"
    exit 1
fi
rm -f /tmp/sysroot-kill-loop.$$.log
echo "kill loop passed: $((kills * 5)) SIGKILLs, every one followed by status, ostree admin status and check()"
