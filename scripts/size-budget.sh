#!/usr/bin/env bash
# Fails when the site's wasm + JS, gzipped, exceed the budget (bytes). The budget is the
# measured size plus headroom; raise it only with a reason in the commit message.
set -euo pipefail
dist="${1:-dist}"
# 416 KiB: the measured 395 KiB (wasm + JS, gzip -9) plus about 5%. It was 384 KiB until
# the comparison worker (issue 6: worker client, progress, the binary result form, about
# +15 KiB) and 330 KiB until the timeline (issue 11, about +57 KiB). The performance
# issue's goal is 300 KB; until the app is slimmed down this guards against growth.
budget="${TIFA_SIZE_BUDGET:-425984}"
total=0
for f in "$dist"/*.wasm "$dist"/*.js; do
  size=$(gzip -9c "$f" | wc -c)
  printf '%8d B gz  %s\n' "$size" "$(basename "$f")"
  total=$((total + size))
done
printf '%8d B gz  total (budget %d B)\n' "$total" "$budget"
if [ "$total" -gt "$budget" ]; then
  echo "size-budget: over budget" >&2
  exit 1
fi
