#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Rebuilds data/analysis/ner.model from the annotated corpora in ../shared (or $SHARED),
# byte for byte (fixed seed), then rebuilds the analyzer with it. Run from the repository root
# after `meson setup build`. Sources, weights and licences: data/analysis/README.md.
set -eu
SHARED=${SHARED:-../shared}
N=$SHARED/eval/ner
BUILD=${BUILD:-build}

# word classes from unlabelled text: PolNeAR train's news articles and the words (not the labels)
# of the training corpora below
ninja -C "$BUILD" bench/analysis/arx-word-clusters
set --
for f in "$N/conll2003/eng.train.txt" "$N/uner-en/en_ewt-train.iob2.txt" "$N/uner-en/en_pud.iob2.txt" \
         "$N"/crossner/*.iob2.txt; do
  set -- "$@" --conll "$f"
done
"$BUILD/bench/analysis/arx-word-clusters" data/analysis/word-clusters.tsv --classes 64,512 \
  --min-count 3 --iterations 20 --text "$SHARED/eval/statements/polnear-train" "$@"

# the lexicons and word classes are compiled into the trainer: build it with them
ninja -C "$BUILD" bench/analysis/arx-train-ner

set -- \
  --train "$N/conll2003/eng.train.txt" \
  --train "$N/uner-en/en_ewt-train.iob2.txt:1:nomisc" \
  --train "$N/uner-en/en_pud.iob2.txt:1:nomisc"
# CrossNER: entity-dense Wikipedia, so each update counts 0.3
for domain in politics music literature; do
  for split in train dev test; do
    set -- "$@" --train "$N/crossner/$domain-$split.iob2.txt:0.3"
  done
done
# dev sets only measure (the model never sees them): CoNLL dev, WikiGold, EWT dev
set -- "$@" \
  --dev "$N/conll2003/eng.testa.dev.txt" \
  --dev "$N/wikigold/wikigold.conll.txt" \
  --dev "$N/uner-en/en_ewt-dev.iob2.txt:nomisc"

"$BUILD/bench/analysis/arx-train-ner" data/analysis/ner.model "$@" \
  --epochs 15 --buckets 131072 --seed 20171 --runs 8
ninja -C "$BUILD"
