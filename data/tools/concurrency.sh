#!/usr/bin/env bash
# Runs N (default 200) `route compare --via suez` processes at once and checks that every one
# exits 0 with the same bytes: nothing in `route` depends on timing, shared files or a race.
#   data/tools/concurrency.sh [ROUTE_BINARY] [N]
set -euo pipefail
bin=${1:-target/release/route}
n=${2:-200}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for i in $(seq 1 "$n"); do
  ( "$bin" compare --via suez > "$dir/$i.out" 2> "$dir/$i.err"; echo $? > "$dir/$i.rc" ) &
done
wait
fail=0
for i in $(seq 1 "$n"); do
  if [ "$(cat "$dir/$i.rc")" != 0 ]; then echo "run $i exited $(cat "$dir/$i.rc"): $(cat "$dir/$i.err")"; fail=1; fi
  if ! cmp -s "$dir/1.out" "$dir/$i.out"; then echo "run $i differs from run 1"; fail=1; fi
done
if [ "$fail" = 0 ]; then echo "$n simultaneous runs: all exit 0 with identical output ($(wc -c < "$dir/1.out") bytes)"; fi
exit "$fail"
