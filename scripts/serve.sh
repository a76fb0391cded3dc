#!/usr/bin/env bash
# Builds the site and serves it on http://127.0.0.1:8080 with the sample comparison showing.
# Installs what is missing first. TIFA_EXTRA_CORPUS=<folder> adds documents to the picker
# (default: ../shared/corpus when it exists).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
if [ -z "${TIFA_EXTRA_CORPUS+set}" ] && [ -d ../shared/corpus ]; then
  export TIFA_EXTRA_CORPUS="$(cd ../shared/corpus && pwd)"
fi
echo "serving tifa at http://127.0.0.1:8080/ (Ctrl-C stops)"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
