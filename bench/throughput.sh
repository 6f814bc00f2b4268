#!/usr/bin/env bash
# Throughput and memory of `unspin analyze` on real news text: the PolNeAR article
# texts (840 US political news articles) from ../shared/data/polnear, 1 and 2 threads.
# Usage: bench/throughput.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/polnear}
[ -f "$data/polnear-train.tar.gz" ] || { echo "throughput: $data/polnear-train.tar.gz not found; skipping" >&2; exit 0; }
cargo build --release -q -p unspin-cli
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
tar xzf "$data/polnear-train.tar.gz" -C "$work"
texts="$work/polnear-train/text"
n=$(ls "$texts" | wc -l); bytes=$(cat "$texts"/* | wc -c)
echo "corpus: $n articles, $bytes bytes"
for threads in 1 2; do
  for rhetoric in on off; do
    flag=""; [ $rhetoric = off ] && flag="--no-rhetoric"
    /usr/bin/time -f "%e %M" -o "$work/t" target/release/unspin analyze --format jsonl --threads $threads $flag "$texts" > "$work/out.jsonl"
    read -r secs kb < "$work/t"
    awk -v n="$n" -v b="$bytes" -v s="$secs" -v kb="$kb" -v th="$threads" -v r="$rhetoric" \
      'BEGIN { printf "threads=%d rhetoric=%-3s  %6.2f s  %8.1f articles/s  %6.2f MB/s  peak RSS %.1f MB\n", th, r, s, n/s, b/s/1e6, kb/1024 }'
  done
done
# The seed article, 1,000 copies (one file each), one thread.
seed=../shared/seed/000_a80840316d5e4c4f.txt
if [ -f "$seed" ]; then
  mkdir -p "$work/seed"
  for i in $(seq 1 1000); do cp "$seed" "$work/seed/$i.txt"; done
  sb=$(($(wc -c < "$seed") * 1000))
  for rhetoric in on off; do
    flag=""; [ $rhetoric = off ] && flag="--no-rhetoric"
    /usr/bin/time -f "%e %M" -o "$work/t" target/release/unspin analyze --format jsonl --threads 1 $flag "$work/seed" > "$work/out.jsonl"
    read -r secs kb < "$work/t"
    awk -v s="$secs" -v kb="$kb" -v b="$sb" -v r="$rhetoric" \
      'BEGIN { printf "seed x1000 threads=1 rhetoric=%-3s  %6.2f s  %8.1f articles/s  %6.2f MB/s  peak RSS %.1f MB\n", r, s, 1000/s, b/s/1e6, kb/1024 }'
  done
fi
