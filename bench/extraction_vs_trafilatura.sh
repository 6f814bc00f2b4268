#!/usr/bin/env bash
# unspin-html vs trafilatura on the same pages, same run, one thread each:
# prints both systems' scores (one scorer: unspin-eval's extraction metric) and
# the speed ratio. Data: ../shared/data (override with DATA=...).
# Usage: bench/extraction_vs_trafilatura.sh [SET...]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
TRAFILATURA_VERSION=${TRAFILATURA_VERSION:-2.3.1}
OUT=target/bench-extraction
mkdir -p "$OUT"
if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
fi
bench/.venv/bin/pip install -q "trafilatura==$TRAFILATURA_VERSION" "lxml_html_clean==0.4.6"
cargo build -q --release -p unspin-html --example bench
cargo build -q --release -p unspin-eval --example extraction_score
SETS=("$@")
[ ${#SETS[@]} -eq 0 ] && SETS=(scrapinghub-aeb cleaneval cleanportaleval l3s-gn1 trafilatura-eval)
for set in "${SETS[@]}"; do
  case "$set" in
    scrapinghub-aeb|trafilatura-eval) pages="$DATA/$set/html" ;;
    cleaneval|cleanportaleval) pages="$DATA/$set/input" ;;
    l3s-gn1) pages="$DATA/$set/original" ;;
    *) echo "unknown set $set" >&2; exit 2 ;;
  esac
  if [ ! -d "$pages" ]; then echo "$set: no data at $pages, skipped"; continue; fi
  echo "== $set"
  u=$(./target/release/examples/bench "$pages" "$OUT/unspin-$set.json")
  t=$(bench/.venv/bin/python bench/run_trafilatura.py "$pages" "$OUT/trafilatura-$set.json")
  echo "$u"; echo "$t"
  ./target/release/examples/extraction_score "$set" "$DATA/$set" \
    "unspin=$OUT/unspin-$set.json" "trafilatura=$OUT/trafilatura-$set.json"
  up=$(echo "$u" | sed -E 's/.*= ([0-9.]+) pages\/s/\1/')
  tp=$(echo "$t" | sed -E 's/.*= ([0-9.]+) pages\/s/\1/')
  awk -v u="$up" -v t="$tp" 'BEGIN { printf "speed ratio unspin/trafilatura: %.1fx\n", u / t }'
done
