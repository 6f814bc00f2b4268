#!/usr/bin/env bash
# Regression harness for refactors that must not change behaviour: runs
# `unspin analyze --format jsonl` with a baseline binary and with the current tree on
# the same staged documents (l3s-gn1 and scrapinghub-aeb HTML pages, PolNeAR texts:
# 1,400 in all) and reports every document whose report differs, field by field.
#
# Usage:
#   bench/regress.sh save BIN        # copy BIN (e.g. a release build of main) as the baseline
#   bench/regress.sh [BASELINE_BIN]  # compare (default baseline: target/regress/baseline)
# Environment: DATA (default ../shared/data), THREADS (default 2), KEEP=1 keeps outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${DATA:-../shared/data}
base_dir=target/regress
mkdir -p "$base_dir"
if [ "${1:-}" = save ]; then
  cp "${2:?usage: bench/regress.sh save BIN}" "$base_dir/baseline"
  echo "regress: baseline saved as $base_dir/baseline"
  exit 0
fi
baseline=${1:-$base_dir/baseline}
[ -x "$baseline" ] || { echo "regress: no baseline binary at $baseline (run: git stash; cargo build --release -p unspin-cli; bench/regress.sh save target/release/unspin)" >&2; exit 2; }
for d in l3s-gn1/original scrapinghub-aeb/html; do
  [ -d "$data/$d" ] || { echo "regress: $data/$d not found; skipping" >&2; exit 0; }
done
[ -f "$data/polnear/polnear-train.tar.gz" ] || { echo "regress: PolNeAR not found; skipping" >&2; exit 0; }
cargo build --release -q -p unspin-cli
work=$(mktemp -d)
[ "${KEEP:-0}" = 1 ] && echo "regress: outputs kept in $work" || trap 'rm -rf "$work"' EXIT
tar xzf "$data/polnear/polnear-train.tar.gz" -C "$work"
ls "$data"/l3s-gn1/original/* "$data"/scrapinghub-aeb/html/* "$work"/polnear-train/text/* > "$work/inputs"
n=$(wc -l < "$work/inputs")
run() { # BIN OUT: one JSON line per input, in input order
  xargs -a "$work/inputs" -d '\n' "$1" analyze --format jsonl --threads "${THREADS:-2}" > "$2" 2> "$2.err" || true
}
run "$baseline" "$work/before.jsonl"
run target/release/unspin "$work/after.jsonl"
if cmp -s "$work/before.jsonl" "$work/after.jsonl"; then
  echo "regress: $n documents, $(wc -l < "$work/after.jsonl") reports, identical"
  exit 0
fi
python3 - "$work/before.jsonl" "$work/after.jsonl" <<'EOF'
import json, sys
from collections import Counter
a = open(sys.argv[1]).read().splitlines()
b = open(sys.argv[2]).read().splitlines()
if len(a) != len(b):
    print(f"regress: {len(a)} reports before, {len(b)} after")
fields = Counter()
docs = 0
for la, lb in zip(a, b):
    if la == lb:
        continue
    docs += 1
    ja, jb = json.loads(la), json.loads(lb)
    path = ja.get("input", {}).get("path", "?")
    changed = [k for k in sorted(set(ja) | set(jb)) if ja.get(k) != jb.get(k)]
    fields.update(changed)
    print(f"  {path}: {', '.join(changed)}")
    for k in changed:
        x, y = ja.get(k), jb.get(k)
        if isinstance(x, list) and isinstance(y, list):
            sx = {json.dumps(v, sort_keys=True) for v in x}
            sy = {json.dumps(v, sort_keys=True) for v in y}
            for v in sorted(sx - sy)[:3]:
                print(f"    - {k}: {v[:240]}")
            for v in sorted(sy - sx)[:3]:
                print(f"    + {k}: {v[:240]}")
print(f"regress: {docs} of {len(a)} reports differ; fields: {dict(fields)}")
EOF
exit 1
