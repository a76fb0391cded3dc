#!/usr/bin/env bash
# The repository keeps its own copy of the curated corpus in seeds/corpus/, so that a clone
# builds and tests on its own. This script compares that copy with the workplace's
# ../shared/corpus (or $TIFA_SHARED_CORPUS) and, with --update, brings it in line.
#
#   scripts/sync-corpus.sh            check: exit 1 and list the differences if any
#   scripts/sync-corpus.sh --update   copy new and changed files, remove files gone upstream
#
# Without the shared folder (a plain clone) there is nothing to compare: it says so and
# exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${TIFA_SHARED_CORPUS:-../shared/corpus}"
ours=seeds/corpus
if [ ! -d "$shared" ]; then
  echo "sync-corpus: no shared corpus at $shared; the repository's copy in $ours is used as it is"
  exit 0
fi
if [ "${1:-}" = "--update" ]; then
  mkdir -p "$ours"
  rsync_like() {
    for f in "$shared"/*; do cp -p "$f" "$ours/"; done
    for f in "$ours"/*; do [ -e "$shared/$(basename "$f")" ] || rm "$f"; done
  }
  rsync_like
  echo "sync-corpus: $ours now matches $shared ($(ls "$ours" | wc -l) files)"
  exit 0
fi
if diff -rq "$shared" "$ours" >/tmp/sync-corpus.$$ 2>&1; then
  echo "sync-corpus: $ours matches $shared ($(ls "$ours" | wc -l) files)"
  rm -f /tmp/sync-corpus.$$
else
  echo "sync-corpus: $ours differs from $shared:" >&2
  sed 's/^/  /' /tmp/sync-corpus.$$ >&2
  rm -f /tmp/sync-corpus.$$
  echo "run scripts/sync-corpus.sh --update, review the change, and update tests that count documents" >&2
  exit 1
fi
