#!/usr/bin/env bash
# Runs every fuzz target for N seconds (default 15), seeded from seeds/corpus and the
# seeds. Needs the nightly toolchain and cargo-fuzz (scripts/setup.sh --fuzz installs
# cargo-fuzz). Crashes are saved in fuzz/artifacts/<target>/ and fail the run.
#
#   scripts/fuzz.sh [seconds-per-target] [target...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(segment compare share_decode import timeline)
corpus="${TIFA_CORPUS:-seeds/corpus}"
seeds=target/fuzz-seeds

# Seed corpora: slices of real documents, pairs joined by \x01, links, markup.
rm -rf "$seeds"
mkdir -p "$seeds"/{segment,compare,share_decode,import,timeline}
n=0
for f in seeds/*.txt "$corpus"/*.txt; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  head -c 4000 "$f" > "$seeds/segment/$n"
  head -c 3000 "$f" > "$seeds/import/$n.txt"
done
files=(seeds/*.txt "$corpus"/*.txt)
for i in 1 2 3 4 5 6; do
  a="${files[$(( (i * 3) % ${#files[@]} ))]}"; b="${files[$(( (i * 5 + 1) % ${#files[@]} ))]}"
  { head -c 3000 "$a"; printf '\001'; head -c 3000 "$b"; } > "$seeds/compare/$i"
done
for i in 1 2 3 4; do
  for k in 0 1 2; do
    head -c 1500 "${files[$(( (i * 2 + k) % ${#files[@]} ))]}"
    [ "$k" -eq 2 ] || printf '\001'
  done > "$seeds/timeline/$i"
done
printf 'v1.eNpVyzsOgCAQhOG7TK0Fvt3bLLhoIlEjFj7C3YXK2M2ffPOAQQ8MCMaoPq_ye0KGKbbiQpemGhAy6B-qP1RLY1vudEJrQjvIsvMS26b2bh15SWuWKx6cnKSK-PaHbCAVQngBN-UlXQ' > "$seeds/share_decode/frozen"
printf '<html><body><p>全会&amp;强调</p><script>x</script></body></html>' > "$seeds/import/page.html"

for t in "${targets[@]}"; do
  echo "fuzz: $t for ${seconds}s"
  mkdir -p "fuzz/corpus/$t"
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" "$seeds/$t" -- \
    -max_total_time="$seconds" -max_len=20000 -timeout=10 -print_final_stats=1 2>&1 \
    | grep -E "stat::number_of_executed_units|stat::peak_rss|cov:|ERROR|panicked|SUMMARY" | tail -4
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz: $t failed (see fuzz/artifacts/$t)"; exit 1; }
done
