#!/usr/bin/env bash
# How build time and memory grow with the site: clean builds and rebuilds after one page changed, on the
# benchmark corpus (../shared/bench/make_corpus.py) at several sizes, 10 languages each.
#
# Usage (from the project's root, after `make build`):
#   Tests/Bench/scaling.sh [PAGES_PER_LANGUAGE…]      default: 1000 2500 5000 10000
# Each size is built RUNS times (default 3), each time into an empty folder, and rebuilt once after each clean
# build; the table shows medians. Corpora are kept in $BENCH_DIR (default /tmp/wegweiser-bench, shared with
# compare.sh); the output goes to $BENCH_OUT (default $BENCH_DIR/scaling-out; /dev/shm/… leaves the disk out).
set -euo pipefail
sizes=("${@:-1000 2500 5000 10000}")
read -r -a sizes <<<"${sizes[*]}"
bin=${WEGWEISER:-.build/release/wegweiser}
work=${BENCH_DIR:-/tmp/wegweiser-bench}
out=${BENCH_OUT:-$work/scaling-out}
runs=${RUNS:-3}
generator=${MAKE_CORPUS:-../shared/bench/make_corpus.py}
[[ -x $bin ]] || { echo "no $bin: run 'make build' first" >&2; exit 2; }
mkdir -p "$work"
cache=$(dirname "$out")/.$(basename "$out").wegweiser-cache

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
build() { # time-file → builds the corpus into $out, appends "seconds kilobytes" to the file
  /usr/bin/time -f "%e %M" -a -o "$1" "$bin" build --content "$corpus" --templates templates --output "$out" \
    --now 2026-01-01 --quiet
}

printf '%-8s %8s %9s %9s %10s %10s %9s\n' pages/lang pages "build s" "peak MB" "per page" "rebuild s" "rebuild"
for pages in "${sizes[@]}"; do
  corpus=$work/corpus-$pages-10
  [[ -f $corpus/site.yml ]] || python3 "$generator" "$corpus" --pages "$pages" --langs 10 >/dev/null
  page=$corpus/de/guides/topic-0/_index.md
  cp "$page" "$work/scaling-page.bak"
  rm -f "$work/scaling.time" "$work/scaling.retime"
  for ((run = 0; run < runs; run++)); do
    rm -rf "$out" "$cache"
    build "$work/scaling.time"
    # One page's body changed, built into the same output.
    printf '\nOne more paragraph (%s).\n' "$run" >>"$page"
    build "$work/scaling.retime"
    cp "$work/scaling-page.bak" "$page"
  done
  count=$(find "$out" -name index.html | wc -l)
  seconds=$(awk '{print $1}' "$work/scaling.time" | median)
  kilobytes=$(awk '{print $2}' "$work/scaling.time" | median)
  reseconds=$(awk '{print $1}' "$work/scaling.retime" | median)
  printf '%-10s %8s %9s %9s %8s ms %10s %8s%%\n' "$pages" "$count" "$seconds" "$((kilobytes / 1024))" \
    "$(awk -v s="$seconds" -v n="$count" 'BEGIN {printf "%.2f", 1000 * s / n}')" "$reseconds" \
    "$(awk -v r="$reseconds" -v s="$seconds" 'BEGIN {printf "%.1f", 100 * r / s}')"
done
rm -rf "$out" "$cache"
