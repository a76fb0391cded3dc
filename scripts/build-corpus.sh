#!/usr/bin/env bash
# Trunk post_build hook: write the bundled corpus (the sample pair in seeds/, the curated
# documents in seeds/corpus/, and the optional folder named by TIFA_EXTRA_CORPUS) into the
# staged site as corpus/index.json and corpus/<id>.txt.
set -euo pipefail
out="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}/corpus"
root="$(cd "$(dirname "$0")/.." && pwd)"
extra="${TIFA_EXTRA_CORPUS:-}"
if [ -n "$extra" ] && [ ! -d "$extra" ]; then
  echo "build-corpus: TIFA_EXTRA_CORPUS=$extra is not a folder" >&2
  exit 1
fi
# The native CLI builds the index; its own target folder keeps it clear of trunk's wasm build.
host="$(rustc -vV | sed -n 's/^host: //p')"
cargo run --quiet --target "$host" --manifest-path "$root/Cargo.toml" --target-dir "$root/target/native-tools" \
  --bin tifa -- corpus-index --out "$out" "$root/seeds" "$root/seeds/corpus" "$extra"
