#!/usr/bin/env bash
# Runs every check of the project, installing what is missing first:
# formatting, clippy (native and wasm32), native tests, browser unit tests in headless
# Chromium, the release site build, the size budget, and Playwright end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# Everything below reads the repository's own copy of the corpus (seeds/corpus), never a
# folder beside the clone: a fresh clone tests on its own.
unset TIFA_CORPUS TIFA_EXTRA_CORPUS

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ "${TIFA_SHARED_HIDDEN:-}" != 1 ]; then
  step "the corpus copy matches ../shared/corpus (when that folder exists)"
  scripts/sync-corpus.sh
  step "the phrase table is what scripts/build-phrase-table.py makes of ../shared/refcorpus"
  if [ -d ../shared/refcorpus ]; then
    python3 scripts/build-phrase-table.py ../shared/refcorpus | cmp - src/data/phrases.tsv
    echo "src/data/phrases.tsv rebuilt byte for byte"
  else
    echo "skipped: no ../shared/refcorpus beside the clone"
  fi
  # The rest runs as on a plain clone: ../shared is hidden behind an empty read-only folder
  # (a private mount namespace, so nothing outside this run sees it), which proves that
  # nothing reads it. Without root or unshare the run goes on with the folder in place.
  if [ -d ../shared ] && [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
    step "hiding ../shared for the rest of the run"
    exec unshare -m bash -c 'mount -t tmpfs -o size=64k,ro tifa-hidden "$1" && TIFA_SHARED_HIDDEN=1 exec bash "$2"' \
      _ "$(cd ../shared && pwd)" "$PWD/scripts/test.sh"
  fi
fi

step "nothing reads a folder beside the clone"
if [ "${TIFA_SHARED_HIDDEN:-}" = 1 ]; then
  echo "../shared is hidden for this run: it shows $(ls -A ../shared | wc -l) entries"
fi
if grep -rln --exclude=sync-corpus.sh --exclude=test.sh '\.\./shared/corpus' scripts src tests benches examples e2e/tests e2e/*.mjs .ci 2>/dev/null; then
  echo "test: the files above read ../shared/corpus; read seeds/corpus instead" >&2
  exit 1
fi

step "cargo fmt --check"
cargo fmt --check

step "no import cycles (engine and UI)"
python3 scripts/check-layers.py
python3 scripts/check-layers.py --ui

step "cargo clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "cargo clippy (wasm32)"
# Not the examples: they are native debugging tools that read files with the built-in
# lexicon, which wasm builds do not have.
cargo clippy --lib --bins --tests --benches --locked --target wasm32-unknown-unknown -- -D warnings

step "cargo test (native)"
cargo test --locked

step "wasm-bindgen-test in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "trunk build --release --offline"
trunk build --release --offline

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
