#!/usr/bin/env bash
# Ingest benchmark: builds a WARC.gz of >= 5,000 HTML pages from the development HTML
# sets in ../shared/data (pages repeated with varied URLs and a marker comment when
# there are fewer files), in a temporary directory, then times `unspin ingest` into a
# fresh database with 1 and 2 threads: pages/s, peak memory (max RSS), store size.
# Then shows resumability: a run killed with SIGKILL part-way, and a second run that
# completes with no duplicates and no loss.
# Usage: bench/ingest.sh [PAGES] [DATA_DIR]
#   UNSPIN=path/to/unspin to use a given binary (default: target/release/unspin).
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-5000}
data=${2:-../shared/data}
dirs=()
for d in l3s-gn1/original trafilatura-eval/html scrapinghub-aeb/html cleaneval/input cleanportaleval; do
  [ -d "$data/$d" ] && dirs+=("$data/$d")
done
[ ${#dirs[@]} -gt 0 ] || { echo "ingest bench: no HTML sets under $data; skipping" >&2; exit 0; }

cargo build --release -q -p unspin-corpus --example make_warc
unspin=${UNSPIN:-target/release/unspin}
if [ -z "${UNSPIN:-}" ]; then cargo build --release -q -p unspin-cli; fi
"$unspin" ingest --help >/dev/null 2>&1 || { echo "ingest bench: $unspin has no 'ingest' subcommand" >&2; exit 1; }

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
target/release/examples/make_warc "$work/bench.warc.gz" --pages "$pages" "${dirs[@]}"
echo "WARC: $(du -h "$work/bench.warc.gz" | cut -f1) compressed, $pages HTML pages; $(nproc) cores"

for threads in 1 2; do
  rm -f "$work/c.db"*
  /usr/bin/time -f "%e %M" -o "$work/t" "$unspin" ingest --quiet --json --threads "$threads" \
      --db "$work/c.db" "$work/bench.warc.gz" > "$work/r.json" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r secs kb < "$work/t"
  stored=$(grep -o '"stored": [0-9]*' "$work/r.json" | grep -o '[0-9]*$')
  nonhtml=$(grep -o '"skipped_non_html": [0-9]*' "$work/r.json" | grep -o '[0-9]*$')
  size=$(du -cb "$work"/c.db* | tail -1 | cut -f1)
  awk -v n="$stored" -v s="$secs" -v kb="$kb" -v th="$threads" -v sz="$size" -v nh="$nonhtml" \
    'BEGIN { printf "threads=%d  stored %d pages (skipped %d non-HTML)  %7.2f s  %7.1f pages/s  peak RSS %.0f MB  store %.1f MB (%.1f KB/page)\n", th, n, nh, s, n/s, kb/1024, sz/1e6, sz/1024/n }'
done

# Resumability: SIGKILL part-way, then run again.
rm -f "$work/c.db"*
"$unspin" ingest --quiet --threads 2 --batch 64 --db "$work/c.db" "$work/bench.warc.gz" 2>/dev/null &
pid=$!
sleep "${KILL_AFTER:-8}"
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
"$unspin" query stats --db "$work/c.db" --format csv | grep '^documents,' | sed 's/^/after SIGKILL: /'
"$unspin" ingest --quiet --json --threads 2 --db "$work/c.db" "$work/bench.warc.gz" > "$work/r.json" 2>/dev/null
echo "second run: $(tr -d '\n ' < "$work/r.json" | grep -o '"stored":[0-9]*,"known":[0-9]*')"
"$unspin" query stats --db "$work/c.db" --format csv | grep '^documents,' | sed 's/^/after resume: /'
echo "(a complete run in one go stores $stored; equal counts mean nothing lost and nothing stored twice)"
