#!/usr/bin/env python3
"""Per-kind summary of wcxb-dev plus trafilatura-eval and Zyte, from the outputs of
arx-extract-bench (see eval-pages.sh).  Uses score.py's own functions so the figures are
the scorer's.  Usage: score-kinds.py EXTRACTION_DIR OUT_DIR"""
import importlib.util
import json
import os
import sys
from collections import Counter

E, O = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location('score', os.path.join(E, 'score.py'))
sc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sc)


def meta_line(m):
    return '  '.join('%s %.2f' % (k, m[k][0] / m[k][1] if m[k][1] else 0)
                     for k in ('title', 'author', 'date'))


gt = sc.load_gt('wcxb', os.path.join(E, 'wcxb-dev', 'ground-truth'))
ids = sorted(gt)
raw, _, _ = sc.load_predictions(os.path.join(O, 'wcxb'), ids)
texts = {i: sc.text_of(raw[i]) for i in ids}
res, per = sc.score_wcxb(gt, texts)
print('wcxb-dev       body F1 %.3f  %s  (%d pages)' % (res['f1'], meta_line(sc.score_meta(gt, raw)), len(ids)))
kinds = sorted(set(g['page_type'] for g in gt.values()))
conf = Counter()
for k in kinds:
    sub = {i: gt[i] for i in ids if gt[i]['page_type'] == k}
    r, _ = sc.score_wcxb(sub, texts)
    print('  %-14s body F1 %.3f  P %.3f R %.3f  %s  (%d)' % (
        k, r['f1'], r['precision'], r['recall'], meta_line(sc.score_meta(sub, raw)), len(sub)))
for i in ids:
    pk = raw[i].get('kind', 'article') if isinstance(raw[i], dict) else 'article'
    conf[(gt[i]['page_type'], pk)] += 1
ok = sum(v for (a, b), v in conf.items() if a == b)
print('  kind detected right: %d/%d' % (ok, len(ids)))
if os.environ.get('KINDS'):
    for k in kinds:
        print('   %-14s -> %s' % (k, ', '.join('%s %d' % (b, v) for (a, b), v in sorted(conf.items()) if a == k)))

gt = sc.load_gt('trafilatura', os.path.join(E, 'trafilatura-eval', 'evaldata.json'))
ids = sorted(gt)
raw, _, _ = sc.load_predictions(os.path.join(O, 'traf'), ids)
res, _ = sc.score_trafilatura(gt, {i: sc.text_of(raw[i]) for i in ids})
print('trafilatura    body F1 %.3f  %s  (P %.3f R %.3f)' % (res['f1'], meta_line(sc.score_meta(gt, raw)),
                                                         res['precision'], res['recall']))

gt = sc.load_gt('zyte', os.path.join(E, 'zyte', 'ground-truth.json'))
ids = sorted(gt)
raw, _, _ = sc.load_predictions(os.path.join(O, 'zyte'), ids)
res, _ = sc.score_zyte(gt, {i: sc.text_of(raw[i]) for i in ids}, 4, 0, 0)
print('zyte           body F1 %.3f  (P %.3f R %.3f)' % (res['f1'], res['precision'], res['recall']))
