#!/usr/bin/env bash
# Two or more builds of Wegweiser against the floor, side by side: clean builds of one corpus, the floor and each
# binary in turn, ROUNDS times; prints each one's median and its ratio to the floor's median. On a noisy machine a
# change of a few per cent shows only this way, not in runs made minutes apart.
#
# Usage (from the project's root):
#   Tests/Bench/alternate.sh BINARY…        e.g. /tmp/wegweiser-before .build/release/wegweiser
# Environment: PAGES (default 5000) × 10 languages, ROUNDS (default 6), BENCH_DIR (default /tmp/wegweiser-bench,
# shared with compare.sh, which keeps the corpus and the floor there), BENCH_OUT (default $BENCH_DIR/alternate-out).
set -euo pipefail
(($# > 0)) || { echo "usage: Tests/Bench/alternate.sh BINARY…" >&2; exit 2; }
pages=${PAGES:-5000} rounds=${ROUNDS:-6}
work=${BENCH_DIR:-/tmp/wegweiser-bench}
out=${BENCH_OUT:-$work/alternate-out}
here=$(cd "$(dirname "$0")" && pwd)
shared=$here/../../../shared/bench
corpus=$work/corpus-$pages-10
for bin in "$@"; do [[ -x $bin ]] || { echo "no $bin" >&2; exit 2; }; done
mkdir -p "$work"
[[ -f $corpus/site.yml ]] || python3 "$shared/make_corpus.py" "$corpus" --pages "$pages" --langs 10 >/dev/null
[[ -x $work/floor ]] || cc -O2 -o "$work/floor" "$shared/floor.c" -lcmark
times=$(mktemp)
trap 'rm -f "$times"; rm -rf "$out" "$out-floor" "$(dirname "$out")/.$(basename "$out").wegweiser-cache"' EXIT

for ((round = 0; round < rounds; round++)); do
  rm -rf "$out-floor"
  /usr/bin/time -f "floor %e" -a -o "$times" "$work/floor" "$corpus" "$out-floor" >/dev/null
  for index in $(seq 1 $#); do
    rm -rf "$out" "$(dirname "$out")/.$(basename "$out").wegweiser-cache"
    /usr/bin/time -f "$index %e" -a -o "$times" "${!index}" build --content "$corpus" --templates templates \
      --output "$out" --now 2026-01-01 --quiet
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
floor=$(awk '$1 == "floor" {print $2}' "$times" | median)
printf '%-40s median %5.2f s   runs %s\n' floor "$floor" "$(awk '$1 == "floor" {printf "%s ", $2}' "$times")"
for index in $(seq 1 $#); do
  median=$(awk -v i="$index" '$1 == i {print $2}' "$times" | median)
  printf '%-40s median %5.2f s   %.3f × the floor   runs %s\n' "${!index}" "$median" \
    "$(awk -v m="$median" -v f="$floor" 'BEGIN {print m / f}')" "$(awk -v i="$index" '$1 == i {printf "%s ", $2}' "$times")"
done
