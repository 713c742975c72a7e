#!/bin/sh
# The full-size kill -9 loop of ImageCrashSafetyTest: TRIALS (default 50) SIGKILLs at random instants of an image
# import and as many of a deploy from an image, each followed by our fsck, `ostree fsck`, the ref check, the
# sysroot's check() and `ostree admin status`. Needs ostree.
# Usage: benchmarks/scripts/image-crash-loop.sh [TRIALS]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
cd "$here"
COREOS4J_REQUIRE_ORACLES=1 mvn -B -q -o -pl ostree-model -am -Dtest=ImageCrashSafetyTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dmaven.javadoc.skip=true -Dcoreos4j.imageCrashTrials="${1:-50}" verify
grep -h "SIGKILL" ostree-model/target/surefire-reports/*ImageCrashSafetyTest-output.txt
