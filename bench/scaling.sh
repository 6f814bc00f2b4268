#!/usr/bin/env bash
# Scaling of one document (issue 14, item 2): CPU time, wall time and peak RSS of
# `unspin analyze --threads 1`, `unspin extract` and `unspin ingest` on one input of
# 1, 2, 4, 8 and 16 MB, with the CPU ratio per doubling (linear: 2.0; target <= 2.2)
# and the RSS per input byte above the binary's baseline (target <= 30).
#
#   bench/scaling.sh                       # target/release/unspin, 1..16 MB
#   UNSPIN=/path/to/unspin SIZES="1 2 4" CAP=300 bench/scaling.sh
#   STEPS="analyze" SHAPES="prose quotes" bench/scaling.sh
#
# Inputs are made from the PolNeAR texts (../shared/data/polnear): `prose` is the
# articles concatenated (one document), `quotes` is `"Hello there N," he said.` lines,
# `line` is the articles joined into one line; extract reads the articles' paragraphs
# as <p> elements of one HTML page; ingest reads one JSONL record holding the prose.
# Each run is capped at CAP seconds (`timeout`); a capped run prints "timeout".
# Needs GNU time (/usr/bin/time) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
UNSPIN=${UNSPIN:-target/release/unspin}
SIZES=${SIZES:-"1 2 4 8 16"}
CAP=${CAP:-600}
STEPS=${STEPS:-"analyze extract ingest"}
SHAPES=${SHAPES:-"prose quotes line"}
DATA=${DATA:-../shared/data/polnear/polnear-train.tar.gz}
[ -x "$UNSPIN" ] || { echo "no binary at $UNSPIN (cargo build --release)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
[ -f "$DATA" ] || { echo "needs $DATA" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/src"
tar xzf "$DATA" -C "$TMP/src"

python3 - "$TMP" $SIZES <<'EOF'
import glob, html, json, os, sys
tmp, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
texts = [open(p, encoding="utf-8").read().strip()
         for p in sorted(glob.glob(f"{tmp}/src/**/text/*.txt", recursive=True))]
def fill(n, parts, sep):
    out, total, k = [], 0, 0
    while total < n:
        p = parts[k % len(parts)] + sep
        out.append(p); total += len(p.encode()); k += 1
    s = "".join(out).encode()[:n]
    return s.decode("utf-8", "ignore")
paras = [p.strip() for t in texts for p in t.split("\n") if p.strip()]
for mb in [0] + sizes:
    n = max(mb * 1_000_000, 2000)
    tag = str(mb)
    prose = fill(n, texts, "\n\n")
    open(f"{tmp}/prose_{tag}.txt", "w").write(prose)
    open(f"{tmp}/line_{tag}.txt", "w").write(fill(n, [t.replace("\n", " ") for t in texts], " "))
    q, total, i = [], 0, 0
    while total < n:
        l = f'"Hello there {i}," he said.\n'; q.append(l); total += len(l); i += 1
    open(f"{tmp}/quotes_{tag}.txt", "w").write("".join(q))
    body, total, k = [], 0, 0
    while total < n:
        p = "<p>" + html.escape(paras[k % len(paras)]) + "</p>\n"
        body.append(p); total += len(p.encode()); k += 1
    open(f"{tmp}/page_{tag}.html", "w").write(
        "<!DOCTYPE html><html><head><title>Scaling test</title></head><body><article>\n"
        + "".join(body) + "</article></body></html>\n")
    with open(f"{tmp}/docs_{tag}.jsonl", "w") as f:
        f.write(json.dumps({"url": f"bench://scaling/{tag}", "text": prose}) + "\n")
EOF

# One run: prints "wall cpu rss_kb" or "timeout".
measure() {
    if /usr/bin/time -o "$TMP/time" -f "%e %U %S %M" timeout "$CAP" "$@" >/dev/null 2>"$TMP/err"; then
        tail -1 "$TMP/time" | awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}'
    else
        echo timeout
    fi
}

run_step() {
    local step=$1 shape=$2 tag=$3
    case $step in
    analyze) measure "$UNSPIN" analyze --threads 1 --format jsonl --max-text-mib 64 "$TMP/${shape}_$tag.txt" ;;
    extract) measure "$UNSPIN" extract --threads 1 "$TMP/page_$tag.html" ;;
    ingest)
        rm -f "$TMP"/db*
        measure "$UNSPIN" ingest --threads 1 --quiet --db "$TMP/db.sqlite" "$TMP/docs_$tag.jsonl" ;;
    esac
}

echo "binary: $UNSPIN ($(git rev-parse --short HEAD 2>/dev/null || echo '?')), cap ${CAP}s per run"
for step in $STEPS; do
    shapes=$SHAPES
    [ "$step" = analyze ] || shapes=$step
    for shape in $shapes; do
        read -r _ _ base_kb < <(run_step "$step" "$shape" 0)
        echo
        echo "$step ($shape), baseline RSS ${base_kb} KB"
        printf "%6s %9s %9s %7s %9s %10s\n" MB wall_s cpu_s ratio rss_MB B/byte
        prev=""
        for mb in $SIZES; do
            r=$(run_step "$step" "$shape" "$mb")
            if [ "$r" = timeout ]; then
                printf "%6s %9s\n" "$mb" "timeout"
                break
            fi
            read -r wall cpu kb <<<"$r"
            ratio=$( [ -n "$prev" ] && awk -v a="$cpu" -v b="$prev" 'BEGIN{printf "%.2f", a/(b>0?b:0.01)}' || echo "-")
            perb=$(awk -v k="$kb" -v b="$base_kb" -v m="$mb" 'BEGIN{printf "%.1f", (k-b)*1024/(m*1000000)}')
            printf "%6s %9s %9s %7s %9.0f %10s\n" "$mb" "$wall" "$cpu" "$ratio" "$(awk -v k="$kb" 'BEGIN{print k/1024}')" "$perb"
            prev=$cpu
        done
    done
done
