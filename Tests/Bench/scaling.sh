#!/usr/bin/env bash
# How build time and memory grow with the site: a clean build and a rebuild after one page changed, on the
# benchmark corpus (../shared/bench/make_corpus.py) at several sizes, 10 languages each.
#
# Usage (from the project's root, after `swift build -c release`):
#   Tests/Bench/scaling.sh [PAGES_PER_LANGUAGE…]      default: 1000 2500 5000 10000
# Corpora are kept in $BENCH_DIR (default /tmp/wegweiser-bench, shared with compare.sh).
set -euo pipefail
sizes=("${@:-1000 2500 5000 10000}")
read -r -a sizes <<<"${sizes[*]}"
bin=${WEGWEISER:-.build/release/wegweiser}
work=${BENCH_DIR:-/tmp/wegweiser-bench}
generator=${MAKE_CORPUS:-../shared/bench/make_corpus.py}
[[ -x $bin ]] || { echo "no $bin: run 'swift build -c release' first" >&2; exit 2; }
mkdir -p "$work"

printf '%-8s %8s %9s %9s %10s %10s %9s\n' pages/lang pages "build s" "peak MB" "per page" "rebuild s" "rebuild"
for pages in "${sizes[@]}"; do
  corpus=$work/corpus-$pages-10
  [[ -f $corpus/site.yml ]] || python3 "$generator" "$corpus" --pages "$pages" --langs 10 >/dev/null
  out=$work/scaling-out
  rm -rf "$out" "$work/.scaling-out.wegweiser-cache"
  /usr/bin/time -f "%e %M" -o "$work/scaling.time" "$bin" build --content "$corpus" --templates templates \
    --output "$out" --now 2026-01-01 --quiet
  read -r seconds kilobytes <"$work/scaling.time"
  count=$(find "$out" -name index.html | wc -l)
  # One page's body changed, built into the same output.
  page=$corpus/de/guides/topic-0/_index.md
  cp "$page" "$work/scaling-page.bak"
  printf '\nOne more paragraph.\n' >>"$page"
  /usr/bin/time -f "%e %M" -o "$work/scaling.retime" "$bin" build --content "$corpus" --templates templates \
    --output "$out" --now 2026-01-01 --quiet
  cp "$work/scaling-page.bak" "$page"
  read -r reseconds _ <"$work/scaling.retime"
  printf '%-10s %8s %9s %9s %8s ms %10s %8s%%\n' "$pages" "$count" "$seconds" "$((kilobytes / 1024))" \
    "$(awk -v s="$seconds" -v n="$count" 'BEGIN {printf "%.2f", 1000 * s / n}')" "$reseconds" \
    "$(awk -v r="$reseconds" -v s="$seconds" 'BEGIN {printf "%.1f", 100 * r / s}')"
done
rm -rf "$work/scaling-out" "$work/.scaling-out.wegweiser-cache"
