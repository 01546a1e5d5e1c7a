#!/usr/bin/env bash
# Page-extraction quality on the three evaluation sets in one run (run by hand from the
# repository root after a build):  [SHARED=../shared] bench/import/eval-pages.sh [OUT_DIR]
# Prints wcxb-dev overall and per kind (body F1; title/author/date exact), the page-kind
# detection accuracy, trafilatura-eval (snippet F1 and metadata) and Zyte (shingle F1).
set -eu
E=${SHARED:-../shared}/eval/extraction
B=build/bench/import/arx-extract-bench
O=${1:-$(mktemp -d)}
mkdir -p "$O/wcxb" "$O/traf" "$O/zyte"
"$B" "$E/wcxb-dev/html" "$O/wcxb" | sed 's/^/wcxb: /'
"$B" "$E/trafilatura-eval/html" "$O/traf" | sed 's/^/traf: /'
"$B" "$E/zyte/html" "$O/zyte" | sed 's/^/zyte: /'
python3 "$(dirname "$0")/score-kinds.py" "$E" "$O"
