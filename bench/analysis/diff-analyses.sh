#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Output guard for speed work (issue 13): `arx analyze` must stay byte-identical.
#
#   bench/analysis/diff-analyses.sh save DIR [ARX]    # write DIR/<set>.jsonl from ARX
#   bench/analysis/diff-analyses.sh check DIR [ARX]   # compare ARX's output with DIR
#
# Sets: PolNeAR train, PolNeAR dev and news-diverse-dev (../shared or ARX_SHARED). Prints the
# number of differing lines per set and exits 1 when any set differs. Not a test.
set -u
mode=${1:?save|check}
dir=${2:?DIR}
ARX=${3:-build/src/cli/arx}
S=${ARX_SHARED:-$(cd .. && pwd)/shared}
[ -d "$S/eval" ] || S=/work/shared
mkdir -p "$dir"
status=0
for set in polnear-train polnear-dev news-diverse-dev; do
  out=$dir/$set.jsonl
  [ "$mode" = check ] && out=$dir/$set.new.jsonl
  # one process per set; file order fixed by the glob
  "$ARX" analyze "$S/eval/statements/$set"/*.txt > "$out" || { echo "$set: arx failed"; status=1; }
  if [ "$mode" = check ]; then
    if cmp -s "$dir/$set.jsonl" "$out"; then
      echo "$set: identical ($(wc -l < "$out") articles)"
    else
      echo "$set: $(diff "$dir/$set.jsonl" "$out" | grep -c '^>') articles differ"
      status=1
    fi
  fi
done
exit $status
