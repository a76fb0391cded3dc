#!/usr/bin/env python3
"""Where the page's wasm bytes go: code bytes by crate and by tifa module.

The size budget (scripts/size-budget.sh) says how large the page is; this says what it is
made of, to decide what could be cut. It reads the wasm that cargo links, before
wasm-bindgen and wasm-opt, because that one still has its name section:

    cargo build --release --target wasm32-unknown-unknown --bin tifa-web
    python3 scripts/wasm-size.py target/wasm32-unknown-unknown/release/tifa-web.wasm

Each function body is attributed by its (legacy-mangled) name: `<T as Trait>::f` to the
crate of T, other paths to their first segment; tifa's own code is split further by
module (tifa::align, tifa::ui::app…). wasm-bindgen's `__wbindgen_describe_*` functions are
left out (wasm-bindgen runs and removes them). The gzip column compresses each group on
its own, so it overstates what a group costs inside the whole file, but it ranks them.
"""
import collections
import re
import sys
import zlib


def leb128(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def read_bytes(data, at):
    """A length-prefixed byte string (a name in the import or name section) and where it ends."""
    n, at = leb128(data, at)
    return data[at : at + n], at + n


def read_module(path):
    """(bytes, imported function count, [(offset, length)] of bodies, {index: name}, data)."""
    data = open(path, "rb").read()
    if data[:4] != b"\0asm":
        sys.exit(f"{path}: not a wasm module")
    at, imported, bodies, names, data_segment = 8, 0, [], {}, b""
    while at < len(data):
        section = data[at]
        size, at = leb128(data, at + 1)
        end = at + size
        if section == 2:  # imports: count the functions among them
            count, i = leb128(data, at)
            for _ in range(count):
                for _ in range(2):  # module and field names
                    _, i = read_bytes(data, i)
                kind = data[i]
                i += 1
                if kind == 0:
                    _, i = leb128(data, i)
                    imported += 1
                elif kind in (1, 2):  # table (element type first) or memory: limits
                    if kind == 1:
                        i += 1
                    flags, i = leb128(data, i)
                    _, i = leb128(data, i)
                    if flags & 1:
                        _, i = leb128(data, i)
                else:  # global: type and mutability
                    i += 2
        elif section == 10:  # code
            count, i = leb128(data, at)
            for _ in range(count):
                n, i = leb128(data, i)
                bodies.append((i, n))
                i += n
        elif section == 11:
            data_segment = data[at:end]
        elif section == 0:  # custom: the name section's function names
            title, i = read_bytes(data, at)
            if title == b"name":
                while i < end:
                    sub = data[i]
                    length, i = leb128(data, i + 1)
                    if sub == 1:
                        count, j = leb128(data, i)
                        for _ in range(count):
                            index, j = leb128(data, j)
                            name, j = read_bytes(data, j)
                            names[index] = name.decode("utf-8", "replace")
                    i += length
        at = end
    return data, imported, bodies, names, data_segment


def path_segments(mangled):
    """The leading path segments of a legacy-mangled name, with `$LT$`-style escapes undone."""
    segments, i = [], 3
    while i < len(mangled) and mangled[i].isdigit():
        j = i
        while mangled[j].isdigit():
            j += 1
        n = int(mangled[i:j])
        segments.append(mangled[j : j + n])
        i = j + n
    return segments


def unescape(segment):
    for code, text in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("..", "::")):
        segment = segment.replace(code, text)
    return segment.lstrip("_")


def group_of(name):
    """("crate", "module or None") for a function name."""
    if not name.startswith("_ZN"):
        return ("(other: " + name.split("::")[0][:24] + ")", None)
    segments = path_segments(name)
    if not segments:
        return ("(unnamed)", None)
    first = unescape(segments[0])
    if first.startswith("<"):  # <T as Trait> or <impl …>: the crate of T
        inner = first[1:].split(" as ")[0]
        inner = re.sub(r"^(&|mut |\*const |\*mut |\[|\()+", "", inner)
        parts = inner.split("::")
    else:
        parts = [first] + [unescape(s) for s in segments[1:]]
    crate = parts[0]
    module = None
    if crate == "tifa" and len(parts) > 1:  # tifa::align, or tifa::ui::app one level deeper
        module = "::".join(parts[1:3]) if parts[1] == "ui" else parts[1]
    return (crate, module)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data, imported, bodies, names, data_segment = read_module(sys.argv[1])
    crates, modules = collections.defaultdict(bytearray), collections.defaultdict(bytearray)
    for k, (offset, length) in enumerate(bodies):
        name = names.get(imported + k, "")
        if "__wbindgen_describe" in name:
            continue
        crate, module = group_of(name)
        body = data[offset : offset + length]
        crates[crate] += body
        if module:
            modules[module] += body
    total = sum(len(b) for b in crates.values())

    def measure(body):
        """(bytes, percent of all code, bytes gzipped on its own)."""
        return len(body), 100 * len(body) / total, len(zlib.compress(bytes(body), 9))

    def table(title, groups, limit):
        print(f"\n{title}\n{'bytes':>9} {'share':>6} {'gzip alone':>11}  name")
        for name, body in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:limit]:
            size, share, gz = measure(body)
            print(f"{size:9d} {share:5.1f}% {gz:11d}  {name}")

    print(f"code {total} B in {len(bodies)} functions; data {len(data_segment)} B "
          f"({len(zlib.compress(data_segment, 9))} B gzipped alone)")
    table("by crate", crates, 20)
    table("tifa by module", modules, 30)
    ui = bytearray().join(b for m, b in modules.items() if m.startswith("ui::"))
    engine = bytearray().join(b for m, b in modules.items() if not m.startswith("ui::"))
    for label, body in (("tifa::ui (components, links, worker glue)", ui), ("tifa's engine (every other module)", engine)):
        size, share, gz = measure(body)
        print(f"{label}: {size} B, {share:.1f}% of code, {gz} B gzipped alone")


if __name__ == "__main__":
    main()
