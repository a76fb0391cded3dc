#!/usr/bin/env python3
"""Import cycles among tifa's modules: prints each cycle, exits 1 when there is one.

    python3 scripts/check-layers.py            # the engine (src/ without ui/)
    python3 scripts/check-layers.py --ui       # the UI's components (src/ui/)

A module is a file of src/ (or a folder with mod.rs); an edge is any `crate::<module>`
path in its code (use lines and inline paths, comments and doc comments left out).
Strongly connected components with more than one module are cycles: a stage that imports
a later one, or two modules that each need the other. Python 3 standard library only.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"


def modules(ui: bool) -> dict[str, Path]:
    base = ROOT / "ui" if ui else ROOT
    out = {}
    for p in sorted(base.iterdir()):
        if p.suffix == ".rs" and p.stem not in ("lib", "main", "worker_main", "engine_main", "mod"):
            out[p.stem] = p
        elif p.is_dir() and (p / "mod.rs").exists() and not (not ui and p.name == "ui"):
            out[p.name] = p
    return out


def without_tests(text: str) -> str:
    """The file without its unit tests (`#[cfg(test)] mod tests { … }`, last in the file by
    the house style): tests may drive the whole pipeline from any stage."""
    at = text.find("#[cfg(test)]\nmod tests")
    return text if at < 0 else text[:at]


def code_of(path: Path) -> str:
    files = [path] if path.is_file() else sorted(path.rglob("*.rs"))
    text = "\n".join(without_tests(f.read_text(encoding="utf-8")) for f in files)
    # Comments (line and doc) say nothing about dependencies.
    return "\n".join(line.split("//")[0] for line in text.splitlines())


def edges(ui: bool) -> dict[str, set[str]]:
    mods = modules(ui)
    prefix = r"(?:crate::ui::|super::)" if ui else r"crate::"
    graph = {}
    for name, path in mods.items():
        code = code_of(path)
        used = set(re.findall(prefix + r"([a-z_]+)", code))
        # Grouped paths: `use crate::{a, b::c}` (or `super::{…}` in the UI).
        for group in re.findall(prefix + r"\{([^}]*)\}", code):
            used |= set(re.findall(r"(?:^|,)\s*([a-z_]+)", group))
        graph[name] = {u for u in used if u in mods and u != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main() -> int:
    ui = "--ui" in sys.argv
    graph = edges(ui)
    found = cycles(graph)
    where = "src/ui" if ui else "the engine (src/ without ui/)"
    if not found:
        print(f"no import cycles in {where} ({len(graph)} modules)")
        return 0
    for comp in found:
        inner = {m: sorted(graph[m] & set(comp)) for m in comp}
        print(f"cycle in {where}: " + "; ".join(f"{m} → {', '.join(d)}" for m, d in inner.items()))
    return 1


if __name__ == "__main__":
    sys.exit(main())
