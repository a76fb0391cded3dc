#!/usr/bin/env python3
"""Annotation aid for tests/alignment: numbers a document's paragraphs the way tifa does
(a paragraph is a non-blank line, counted from 1), and checks an annotation file.

  scripts/annotate-paragraphs.py show seeds/corpus/cc19-4-zh.txt        # numbered paragraphs
  scripts/annotate-paragraphs.py check tests/alignment/X__Y.tsv    # every paragraph once or more, in range

The corpus folder is seeds/corpus/ in the repository (or $TIFA_CORPUS).
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path:
    return Path(os.environ.get("TIFA_CORPUS", ROOT / "seeds" / "corpus"))


def paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.split("\n") if line.strip()]


def show(path: Path) -> None:
    for n, p in enumerate(paragraphs(path), 1):
        print(f"{n}\t{p}")


def check(path: Path) -> list[str]:
    a_id, b_id = path.stem.split("__")
    count = {side: len(paragraphs(corpus_dir() / f"{doc}.txt")) for side, doc in (("a", a_id), ("b", b_id))}
    seen = {"a": set(), "b": set()}
    problems = []
    for k, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 3:
            problems.append(f"line {k}: needs at least three tab-separated cells (a, b, note)")
            continue
        if len(cells) > 3 and cells[3].strip() not in ("", "?"):
            problems.append(f"line {k}: the fourth cell is '?' (uncertain) or absent")
        for side, cell in (("a", cells[0].strip()), ("b", cells[1].strip())):
            if cell == "-":
                continue
            if not cell.isdigit() or not 1 <= int(cell) <= count[side]:
                problems.append(f"line {k}: {side} paragraph {cell!r} is not in 1..{count[side]}")
            else:
                seen[side].add(int(cell))
        if cells[0].strip() == "-" and cells[1].strip() == "-":
            problems.append(f"line {k}: both sides are '-'")
    for side in "ab":
        missing = sorted(set(range(1, count[side] + 1)) - seen[side])
        if missing:
            problems.append(f"{side} paragraphs never named: {missing}")
    return problems


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("show", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(sys.argv[2])
    if sys.argv[1] == "show":
        show(path)
        return 0
    problems = check(path)
    for p in problems:
        print(p)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
