#!/usr/bin/env bash
# Installs what tifa's build and tests need, skipping what is already there at the right
# version. Safe to run again: with everything present it takes about a second.
#
#   scripts/setup.sh          build tools (wasm target, trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --test   also Chromium, ChromeDriver, CJK fonts and Playwright
#
# Versions are pinned where the toolchain needs them: trunk 0.21.x (0.22 needs a newer
# rustc), wasm-bindgen-cli equal to the wasm-bindgen in Cargo.lock, wasm-opt 132 from npm
# (Debian's binaryen is too old for the wasm that Rust 1.95 emits).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"

# 1. The wasm target for the pinned toolchain (rust-toolchain.toml).
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. trunk.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 5 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --debug
fi

# 3. wasm-bindgen-cli, exactly the version Cargo.lock uses.
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (about 2 minutes)"
  # Not --locked: its lock file wants a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --debug
fi

# 4. System packages for browser tests (Debian's Chromium; never a downloaded browser).
if [ "$want_test" = 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  fc-list 2>/dev/null | grep -q "Noto Serif CJK" || missing+=(fonts-noto-cjk)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
  fi
fi

# 5. cargo-fuzz for the fuzz smoke run, when the machine has a nightly toolchain (fuzzing
#    needs one; without it the test command says the smoke run is skipped).
if [ "$want_test" = 1 ] && rustup toolchain list 2>/dev/null | grep -q '^nightly' \
   && ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (about 2 minutes)"
  cargo +nightly install cargo-fuzz --locked
fi

# 6. npm packages: wasm-opt (binaryen) and Playwright, pinned by e2e/package-lock.json.
if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ ! -d e2e/node_modules/@playwright/test ] \
   || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  say "installing npm packages in e2e/"
  (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
