#!/bin/sh
# Side by side on a 3,000-file / ~115 MB tree (deterministic pseudo-random content, about half compressible):
#  encapsulate: `coreos4j container encapsulate` (archive repo -> one gzip layer, JVM start-up included) against the
#               physical work `tar -c` of a checkout | gzip -6 | sha256sum;
#  import:      `coreos4j container unencapsulate` of that image into a fresh archive repo against
#               `gunzip | tar -x` of its layer plus `ostree pull-local` of the extracted bare-split-xattrs repo into a
#               fresh archive repo.
# Best of ROUNDS runs each (default 3); prints seconds and the ratios ours/reference.
# Usage: benchmarks/scripts/container-vs-tar.sh [ROUNDS]
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
"$here/coreos4j" --version >/dev/null   # rebuilds the CLI jar when sources are newer
cli="java -jar $here/cli/target/coreos4j.jar"
command -v ostree >/dev/null || { echo "ostree is not installed" >&2; exit 2; }
rounds=${1:-3}
work=$(mktemp -d /var/tmp/coreos4j-container-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 - "$work/tree" <<'PY'
import os, random, sys
root = sys.argv[1]
r = random.Random(12)
words = [bytes(r.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(3, 9))) for _ in range(4000)]
total = 0
for i in range(3000):
    d = os.path.join(root, "usr", ["bin", "lib64", "share/doc", "share/locale", "lib/modules/6.8.0"][i % 5], "d%02d" % (i % 37))
    os.makedirs(d, exist_ok=True)
    size = int(min(2_000_000, r.lognormvariate(9.6, 1.2)))
    if i < 3:
        size = 8_000_000
    half = size // 2
    text = b" ".join(r.choice(words) for _ in range(half // 6 + 1))[:half]
    data = text + r.randbytes(size - half)
    with open(os.path.join(d, "f%04d" % i), "wb") as f:
        f.write(data)
    total += size
print("tree: 3000 files, %.1f MB" % (total / 1e6))
PY
ostree init --mode=archive --repo="$work/repo" >/dev/null
ostree commit --repo="$work/repo" -b os --tree=dir="$work/tree" --owner-uid=0 --owner-gid=0 --no-xattrs \
    --timestamp=2024-01-01T00:00:00Z -s bench >/dev/null
commit=$(ostree rev-parse --repo="$work/repo" os)
ostree checkout --repo="$work/repo" -U os "$work/checkout"
now() { date +%s.%N; }
best() { awk 'BEGIN{m=1e9} {if ($1 < m) m = $1} END{print m}'; }

i=0; : > "$work/t.ref.enc"; : > "$work/t.ours.enc"; : > "$work/t.ref.imp"; : > "$work/t.ours.imp"
while [ "$i" -lt "$rounds" ]; do
  sync
  t0=$(now); tar -C "$work/checkout" -c . | gzip -6 | sha256sum >/dev/null; t1=$(now)
  echo "$t1 $t0" | awk '{print $1 - $2}' >> "$work/t.ref.enc"
  rm -rf "$work/oci"
  t0=$(now); $cli container encapsulate --repo="$work/repo" os "oci:$work/oci:b" >/dev/null; t1=$(now)
  echo "$t1 $t0" | awk '{print $1 - $2}' >> "$work/t.ours.enc"
  layer=$(ls -S "$work/oci/blobs/sha256" | head -1)
  rm -rf "$work/x" "$work/pulled"; mkdir "$work/x"
  ostree init --mode=archive --repo="$work/pulled" >/dev/null
  t0=$(now)
  gunzip -c "$work/oci/blobs/sha256/$layer" | tar -x -C "$work/x"
  ostree pull-local --repo="$work/pulled" "$work/x/sysroot/ostree/repo" "$commit" >/dev/null
  t1=$(now)
  echo "$t1 $t0" | awk '{print $1 - $2}' >> "$work/t.ref.imp"
  rm -rf "$work/imported"
  $cli ostree --repo="$work/imported" init --mode=archive >/dev/null
  t0=$(now); got=$($cli container unencapsulate --repo="$work/imported" -q "ostree-unverified-image:oci:$work/oci:b"); t1=$(now)
  [ "$got" = "$commit" ] || { echo "imported $got, expected $commit" >&2; exit 1; }
  echo "$t1 $t0" | awk '{print $1 - $2}' >> "$work/t.ours.imp"
  i=$((i + 1))
done
re=$(best < "$work/t.ref.enc"); oe=$(best < "$work/t.ours.enc")
ri=$(best < "$work/t.ref.imp"); oi=$(best < "$work/t.ours.imp")
size=$(du -sm "$work/oci/blobs/sha256/$layer" | cut -f1)
awk -v re="$re" -v oe="$oe" -v ri="$ri" -v oi="$oi" -v sz="$size" -v n="$rounds" 'BEGIN {
  printf "layer: %d MB gzip; best of %d runs\n", sz, n
  printf "encapsulate: coreos4j %.2f s   tar|gzip -6|sha256sum %.2f s   ratio %.2f\n", oe, re, oe / re
  printf "import:      coreos4j %.2f s   gunzip|tar -x + ostree pull-local %.2f s   ratio %.2f\n", oi, ri, oi / ri
}'
