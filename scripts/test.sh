#!/usr/bin/env bash
# Runs every check of the project, installing what is missing first:
# formatting, clippy (native and wasm32), native tests, browser unit tests in headless
# Chromium, the release site build, the size budget, and Playwright end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
corpus="${TIFA_CORPUS:-$(cd .. && pwd)/shared/corpus}"
if [ ! -d "$corpus" ]; then
  echo "test: the shared corpus is missing at $corpus (set TIFA_CORPUS)" >&2
  exit 1
fi
export TIFA_CORPUS="$corpus"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "cargo clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "cargo test (native)"
cargo test --locked

step "wasm-bindgen-test in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "trunk build --release --offline (with the shared corpus)"
TIFA_EXTRA_CORPUS="$corpus" trunk build --release --offline

step "size budget"
scripts/size-budget.sh dist

step "fuzz smoke run (10 s per target)"
if rustup toolchain list 2>/dev/null | grep -q '^nightly' && cargo +nightly fuzz --version >/dev/null 2>&1; then
  scripts/fuzz.sh 10
else
  echo "skipped: fuzzing needs the nightly toolchain and cargo-fuzz, which this machine lacks"
fi

step "Playwright end-to-end tests"
(cd e2e && npx playwright test)
