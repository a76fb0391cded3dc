#!/usr/bin/env bash
# Fails when the site's wasm + JS, gzipped, exceed their budgets (bytes). Two budgets:
# the page (what every visit loads) and the comparison worker (tifa-worker*, and
# compare-worker.js, fetched only for a large comparison). Each is the measured size plus
# headroom; raise one only with a reason in the commit message.
set -euo pipefail
dist="${1:-dist}"
# Page: 416 KiB, set when the page measured 389 KiB; it now measures 407 KiB (sentence
# classes, Chinese word tokens and the panels for them added 18 KiB; the word list itself is
# fetched as data), so the headroom is 2%. It was 384 KiB until the comparison worker
# (issue 6), and 330 KiB until the timeline (issue 11, about +57 KiB). The performance
# issue's goal is 300 KB; until the app is slimmed down this guards against growth.
page_budget="${TIFA_SIZE_BUDGET:-425984}"
# Worker: 240 KiB, set at a measured 217 KiB (the engine alone, built for speed at
# opt-level 3); it now measures 235 KiB.
worker_budget="${TIFA_WORKER_SIZE_BUDGET:-245760}"
page=0
worker=0
for f in "$dist"/*.wasm "$dist"/*.js; do
  size=$(gzip -9c "$f" | wc -c)
  name="$(basename "$f")"
  case "$name" in
    tifa-worker*|compare-worker.js) part=worker; worker=$((worker + size)) ;;
    *) part=page; page=$((page + size)) ;;
  esac
  printf '%8d B gz  %-6s %s\n' "$size" "$part" "$name"
done
printf '%8d B gz  page total (budget %d B)\n' "$page" "$page_budget"
printf '%8d B gz  worker total, loaded for large comparisons only (budget %d B)\n' "$worker" "$worker_budget"
status=0
if [ "$page" -gt "$page_budget" ]; then
  echo "size-budget: the page is over budget" >&2
  status=1
fi
if [ "$worker" -gt "$worker_budget" ]; then
  echo "size-budget: the worker is over budget" >&2
  status=1
fi
exit $status
