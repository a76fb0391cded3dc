#!/usr/bin/env python3
"""Layers and import cycles among tifa's modules: prints each upward import and each cycle,
exits 1 when there is one.

    python3 scripts/check-layers.py            # the engine (src/ without ui/)
    python3 scripts/check-layers.py --ui       # the UI's components (src/ui/)

The engine's folders are its layers, listed bottom-up in LAYERS: a module may import its
own folder and the folders below it, never one above (an upward import). A module is a
file (`text::segment`, or `compare` for `compare/mod.rs`); an edge is any `crate::…` path
in its code (use lines, grouped `use crate::{…}` and inline paths; comments, doc comments
and unit tests left out). Strongly connected components of more than one module are
cycles: a stage that imports a later one, or two modules that each need the other.
Python 3 standard library only.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"

# The engine's folders, bottom-up (see src/lib.rs).
LAYERS = ["util", "text", "input", "align", "diff", "model", "findings", "compare", "output", "timeline", "view"]
ENTRY_POINTS = ("lib", "main", "worker_main", "engine_main")


def modules(ui: bool) -> dict[str, list[Path]]:
    """Module path (`text::segment`) → its files (a folder's mod.rs is the folder's module)."""
    out: dict[str, list[Path]] = {}
    if ui:
        for p in sorted((ROOT / "ui").glob("*.rs")):
            if p.stem != "mod":
                out[p.stem] = [p]
        return out
    for p in sorted(ROOT.rglob("*.rs")):
        rel = p.relative_to(ROOT)
        if rel.parts[0] in ("ui", "bin") or (len(rel.parts) == 1 and p.stem in ENTRY_POINTS):
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "mod":
            parts.pop()
        out["::".join(parts)] = [p]
    return out


def without_tests(text: str) -> str:
    """The file without its unit tests (`#[cfg(test)] mod tests { … }`, last in the file by
    the house style): tests may drive the whole pipeline from any stage."""
    at = text.find("#[cfg(test)]\nmod tests")
    return text if at < 0 else text[:at]


def code_of(files: list[Path]) -> str:
    text = "\n".join(without_tests(f.read_text(encoding="utf-8")) for f in files)
    # Comments (line and doc) say nothing about dependencies.
    return "\n".join(line.split("//")[0] for line in text.splitlines())


def paths_in(code: str, prefix: str) -> set[str]:
    """Every module path after `prefix`, grouped paths (`use crate::{a::b, c}`) expanded."""
    found = set(re.findall(prefix + r"([a-z_]+(?:::[a-z_]+)*)", code))
    for group in re.findall(prefix + r"\{([^}]*)\}", code):
        found |= set(re.findall(r"(?:^|,)\s*([a-z_]+(?:::[a-z_]+)*)", group))
    return found


def resolve(path: str, mods: dict[str, list[Path]]) -> str | None:
    """The longest module that a path names or lies in (`text::segment::Outline` → `text::segment`)."""
    parts = path.split("::")
    for k in range(len(parts), 0, -1):
        name = "::".join(parts[:k])
        if name in mods:
            return name
    return None


def edges(ui: bool) -> dict[str, set[str]]:
    mods = modules(ui)
    prefix = r"(?:crate::ui::|super::)" if ui else r"crate::"
    graph = {}
    for name, files in mods.items():
        used = {resolve(p, mods) for p in paths_in(code_of(files), prefix)}
        # A folder's mod.rs declares its files; that is no dependency on them.
        graph[name] = {u for u in used if u and u != name and not u.startswith(name + "::")}
    return graph


def layer(module: str) -> int:
    return LAYERS.index(module.split("::")[0])


def upward(graph: dict[str, set[str]]) -> list[str]:
    """Imports of a module in a higher layer than the importer's."""
    return [f"{m} → {d}" for m in sorted(graph) for d in sorted(graph[m]) if layer(d) > layer(m)]


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
    where = "src/ui" if ui else "the engine (src/ without ui/)"
    bad = 0
    if not ui:
        unknown = sorted({m.split("::")[0] for m in graph} - set(LAYERS))
        if unknown:
            print(f"folders in no layer of LAYERS: {', '.join(unknown)}")
            return 1
        for line in upward(graph):
            print(f"upward import: {line}")
            bad += 1
    for comp in cycles(graph):
        inner = {m: sorted(graph[m] & set(comp)) for m in comp}
        print(f"cycle in {where}: " + "; ".join(f"{m} → {', '.join(d)}" for m, d in inner.items()))
        bad += 1
    if bad:
        return 1
    layers = "" if ui else f", {len(LAYERS)} layers, no upward import"
    print(f"no import cycles in {where} ({len(graph)} modules{layers})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
