#!/usr/bin/env python3
"""Build the compact lexicons of data/analysis/ from ../shared/data (run by hand; outputs are committed).

Usage: python3 bench/analysis/build-lexicons.py [/work/shared/data] [data/analysis]
See data/analysis/README.md for provenance and licences of every list written here.
"""
import csv, os, sys

SRC = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data'
OUT = sys.argv[2] if len(sys.argv) > 2 else 'data/analysis'
G = os.path.join(SRC, 'gazetteers')


def tsv(path):
    with open(path, encoding='utf-8') as f:
        return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))


def lines(path):
    with open(path, encoding='utf-8') as f:
        return [l.rstrip('\n') for l in f if l.strip() and not l.startswith('#')]


gaz = {}


def add(phrase, kind):
    p = ' '.join(phrase.replace('\u2019', "'").split())
    if not p or len(p) < 2 or len(p.split()) > 5:
        return
    gaz.setdefault(p.lower(), set()).add(kind)


for r in tsv(os.path.join(G, 'iso-codes/countries_iso3166-1.tsv')):
    for k in ('name', 'common_name'):
        if r[k] and ',' not in r[k]:
            add(r[k], 'LOC')
for r in tsv(os.path.join(G, 'mledoze-countries/countries_capitals_demonyms.tsv')):
    add(r['common_name'], 'LOC')
    for c in r['capitals'].split('|'):
        add(c, 'LOC')
    for d in (r['demonym_m'], r['demonym_f']):
        add(d, 'MISC')
for r in tsv(os.path.join(G, 'cldr/territories_en.tsv')):
    if r['name'][:1].isupper():
        add(r['name'], 'LOC')
for r in tsv(os.path.join(G, 'iso-codes/subdivisions_iso3166-2.tsv')):
    if r['country'] in ('US', 'GB', 'CA', 'AU', 'IN', 'DE', 'FR', 'CN', 'IE', 'NZ', 'ZA', 'MX', 'BR', 'RU'):
        add(r['name'], 'LOC')
for r in tsv(os.path.join(G, 'geonames-cities/cities_pop15000.tsv')):
    if int(r['population'] or 0) >= 100000:
        add(r['name'], 'LOC')
for r in tsv(os.path.join(G, 'tzdata/zone_cities.tsv')):
    add(r['city'].replace('_', ' '), 'LOC')
for r in tsv(os.path.join(G, 'i18n-nationality/nationalities_en.tsv')):
    add(r['nationality'], 'MISC')
for r in tsv(os.path.join(G, 'cldr/languages_en.tsv')):
    if r['name'][:1].isupper() and ' ' not in r['name']:
        add(r['name'], 'MISC')
with open(os.path.join(G, 'sp500/constituents.csv'), encoding='utf-8') as f:
    for r in csv.DictReader(f):
        name = r['Security'].replace(' Inc.', '').replace(' Corporation', '').replace(' (Class A)', '')
        add(name, 'ORG')
# seats of government that news uses for the government itself ("the White House said")
for name in ('White House', 'Kremlin', 'Pentagon', 'Downing Street', 'Elysee', 'Elysee Palace'):
    gaz[name.lower()] = {'ORG'}
# short, very frequent tokens in lists above that are mostly common words in news
for w in ('of', 'the', 'us', 'mobile', 'gap', 'target', 'best buy', 'visa', 'apple', 'ball', 'progressive',
          'general', 'bath', 'reading', 'split', 'nice', 'of the', 'university', 'union', 'president'):
    gaz.pop(w, None)

with open(os.path.join(OUT, 'gazetteer.tsv'), 'w', encoding='utf-8') as f:
    f.write('# phrase (lower case) TAB kinds; built by bench/analysis/build-lexicons.py, see README.md\n')
    for p in sorted(gaz):
        f.write(f"{p}\t{','.join(sorted(gaz[p]))}\n")

# first names: F / M / U (unisex) from US SSA counts, plus Moby lists
names = {}
for r in tsv(os.path.join(G, 'first-names/us_ssa_first_names_min500.tsv')):
    fe, ma = int(r['female_births']), int(r['male_births'])
    if fe + ma < 2000:
        continue
    names[r['name'].lower()] = 'F' if fe > 9 * ma else 'M' if ma > 9 * fe else 'U'
for fn, sex in (('moby_female_first_names.txt', 'F'), ('moby_male_first_names.txt', 'M')):
    for n in lines(os.path.join(G, 'first-names', fn)):
        n = n.strip().lower()
        if n and n not in names:
            names[n] = sex
with open(os.path.join(OUT, 'first-names.tsv'), 'w', encoding='utf-8') as f:
    f.write('# first name (lower case) TAB F/M/U; built by bench/analysis/build-lexicons.py, see README.md\n')
    for n in sorted(names):
        f.write(f'{n}\t{names[n]}\n')

with open(os.path.join(OUT, 'titles.txt'), 'w', encoding='utf-8') as f:
    f.write('# person titles (lower case), from the handmade CC0 list; see README.md\n')
    for t in sorted({l.strip().lower() for l in lines(os.path.join(G, 'handmade/person_titles.txt'))}):
        f.write(t + '\n')
with open(os.path.join(OUT, 'org-suffixes.txt'), 'w', encoding='utf-8') as f:
    f.write('# last words of organisation names (case kept), from the handmade CC0 list; see README.md\n')
    for t in sorted({l.strip() for l in lines(os.path.join(G, 'handmade/org_cue_words.txt'))}):
        f.write(t + '\n')

# the reporting cues (cues.tsv, cue-nouns.txt) are built by bench/analysis/build-cues.py
print(len(gaz), 'gazetteer phrases;', len(names), 'first names')
