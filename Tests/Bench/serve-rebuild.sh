#!/usr/bin/env bash
# How long `serve` takes to show a saved page: a clean build of the benchmark corpus, then `serve` on it, then
# RUNS saves of one page's body (a paragraph appended each time; the file is put back at the end).
#
# Usage (from the project's root, after `make build`):
#   Tests/Bench/serve-rebuild.sh [PAGES_PER_LANGUAGE]     default: 5000 (× 10 languages)
# Prints, for each save, the rebuild time serve reports ("Rebuilt … in S s": from the change being noticed to
# the page written) and the time from the save to that line (which adds the watcher's 100 ms of quiet, during
# which an editor's save may still be writing); then both as a share of the clean build.
set -euo pipefail
pages=${1:-5000}
bin=${WEGWEISER:-.build/release/wegweiser}
work=${BENCH_DIR:-/tmp/wegweiser-bench}
out=${BENCH_OUT:-$work/serve-out}
runs=${RUNS:-5}
port=${PORT:-0}
[[ -x $bin ]] || { echo "no $bin: run 'make build' first" >&2; exit 2; }
corpus=$work/corpus-$pages-10
[[ -f $corpus/site.yml ]] || python3 ../shared/bench/make_corpus.py "$corpus" --pages "$pages" --langs 10 >/dev/null
page=$corpus/de/guides/topic-0/_index.md
cp "$page" "$work/serve-page.bak"
log=$work/serve.log
cleanup() {
  cp "$work/serve-page.bak" "$page"
  [[ -n ${server:-} ]] && kill "$server" 2>/dev/null || true
}
trap cleanup EXIT

rm -rf "$out" "$(dirname "$out")/.$(basename "$out").wegweiser-cache"
start=$(date +%s.%N)
"$bin" build --content "$corpus" --templates templates --output "$out" --now 2026-01-01 --quiet
clean=$(echo "$(date +%s.%N) - $start" | bc)
"$bin" serve --content "$corpus" --templates templates --output "$out" --now 2026-01-01 --port "$port" 2>"$log" &
server=$!
until grep -q '^Serving' "$log"; do sleep 0.05; done
printf 'clean build: %.2f s (%s pages × 10 languages)\n' "$clean" "$pages"
printf '%-4s %10s %12s\n' save "rebuild s" "save→shown s"
for ((i = 1; i <= runs; i++)); do
  before=$(grep -c '^Rebuilt' "$log" || true)
  saved=$(date +%s.%N)
  printf '\nOne more paragraph (%s).\n' "$i" >>"$page"
  until (($(grep -c '^Rebuilt' "$log" || true) > before)); do sleep 0.005; done
  shown=$(echo "$(date +%s.%N) - $saved" | bc)
  rebuild=$(grep '^Rebuilt' "$log" | tail -1 | sed -E 's/.* in ([0-9.]+) s.*/\1/')
  printf '%-4s %10s %12.3f\n' "$i" "$rebuild" "$shown"
  echo "$rebuild $shown" >>"$work/serve.times"
  sleep 0.5
done
grep '^Rebuilt' "$log" | tail -1
awk -v c="$clean" '{r += $1; s += $2; n++} END {
  printf "mean rebuild %.3f s (%.1f %% of the clean build); save to shown %.3f s (%.1f %%)\n", r/n, 100*r/n/c, s/n, 100*s/n/c }' \
  <(tail -n "$runs" "$work/serve.times")
