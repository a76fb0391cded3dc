#!/usr/bin/env bash
# Builds the site and serves it on http://127.0.0.1:8080 with the sample comparison showing.
# Installs what is missing first. The picker offers the sample pair and the curated corpus
# of seeds/corpus; TIFA_EXTRA_CORPUS=<folder> adds documents of your own.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
echo "serving tifa at http://127.0.0.1:8080/ (Ctrl-C stops)"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
