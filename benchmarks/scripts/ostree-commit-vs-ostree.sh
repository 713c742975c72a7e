#!/bin/sh
# Side by side: `ostree commit` / `ostree checkout` against `coreos4j ostree commit` / `checkout` on the same
# generated tree (default 20,000 files / ~500 MB), fresh archive repositories, same flags. Prints times, ratios
# (ours / ostree; <= 1.0 means at least as fast) and MB/s against this machine's raw single-core SHA-256 + DEFLATE-6
# throughput. Our JVM runs with a 256 MB heap whatever the tree size.
# Usage: benchmarks/scripts/ostree-commit-vs-ostree.sh [FILES] [TOTAL_MB] [WORKDIR]
set -eu
files=${1:-20000}
total_mb=${2:-500}
work=${3:-$(mktemp -d "${TMPDIR:-/tmp}/ostree-bench.XXXXXX")}
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
command -v ostree >/dev/null || { echo "ostree is not installed" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed to generate the tree" >&2; exit 2; }

echo "Generating $files files / ${total_mb} MB under $work/tree ..."
rm -rf "$work/tree"
python3 - "$work/tree" "$files" "$total_mb" <<'PY'
import os, random, sys
root, n, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) * 1000 * 1000
rnd = random.Random(4)
words = [bytes(rnd.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(2, 10))) for _ in range(5000)]
# a few large files (kernels, firmware) carry half the bytes; the rest are small text-like files
sizes = [max(0, int(rnd.paretovariate(1.2) * 2000)) for _ in range(n)]
scale = total / max(1, sum(sizes))
for i in range(n):
    d = os.path.join(root, "usr", "lib", "d%03d" % (i % 400), "s%02d" % (i % 7))
    os.makedirs(d, exist_ok=True)
    size = int(sizes[i] * scale)
    p = os.path.join(d, "f%05d" % i)
    with open(p, "wb") as f:
        if i % 5 == 0:
            f.write(os.urandom(size))            # incompressible (already compressed data)
        else:
            out = bytearray()
            while len(out) < size:
                out += rnd.choice(words) + b" "
            f.write(bytes(out[:size]))
    if i % 97 == 0:
        os.symlink("f%05d" % i, p + ".link")
PY
bytes=$(du -sb "$work/tree" | cut -f1)
mb=$(echo "$bytes" | awk '{printf "%.1f", $1 / 1000000}')

raw=$(python3 - "$work/tree" <<'PY'
import hashlib, os, sys, time, zlib
t = time.time(); n = 0
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        p = os.path.join(d, f)
        if os.path.islink(p):
            continue
        data = open(p, "rb").read(); n += len(data)
        hashlib.sha256(data).digest(); c = zlib.compressobj(6, zlib.DEFLATED, -15); c.compress(data); c.flush()
print("%.1f" % (n / 1e6 / (time.time() - t)))
PY
)

flags="--tree=dir=$work/tree --owner-uid=0 --owner-gid=0 --no-xattrs --timestamp=2024-01-01T00:00:00Z -s bench"
now() { date +%s.%N; }
rm -rf "$work/o" "$work/j" "$work/co-o" "$work/co-j"
ostree --repo="$work/o" init --mode=archive
"$root/coreos4j" ostree --repo="$work/j" init --mode=archive   # also builds the jar if needed
sync

t0=$(now); co=$(ostree --repo="$work/o" commit -b bench $flags | tail -n 1); t1=$(now)
sync
t2=$(now); cj=$(COREOS4J_JAVA_OPTS="-Xmx256m" "$root/coreos4j" ostree --repo="$work/j" commit -b bench $flags | tail -n 1); t3=$(now)
sync
t4=$(now); ostree --repo="$work/o" checkout -U bench "$work/co-o"; t5=$(now)
sync
t6=$(now); COREOS4J_JAVA_OPTS="-Xmx256m" "$root/coreos4j" ostree --repo="$work/j" checkout -U bench "$work/co-j"; t7=$(now)

awk -v files="$files" -v mb="$mb" -v raw="$raw" -v co="$co" -v cj="$cj" \
    -v oc="$(echo "$t1 - $t0" | bc)" -v jc="$(echo "$t3 - $t2" | bc)" \
    -v ok="$(echo "$t5 - $t4" | bc)" -v jk="$(echo "$t7 - $t6" | bc)" 'BEGIN {
  printf "tree: %d files, %s MB\n", files, mb
  printf "same commit checksum: %s (%s)\n", (co == cj ? "yes" : "NO"), co
  printf "commit   ostree %7.2f s   coreos4j %7.2f s   ratio %.2f   coreos4j %.0f MB/s\n", oc, jc, jc / oc, mb / jc
  printf "checkout ostree %7.2f s   coreos4j %7.2f s   ratio %.2f\n", ok, jk, jk / ok
  printf "raw single-core SHA-256 + DEFLATE-6 on this machine: %s MB/s\n", raw
}'
