#!/usr/bin/env python3
"""Build data/analysis/cues.tsv and cue-nouns.txt: the reporting expressions of the analyzer.

Usage: python3 bench/analysis/build-cues.py [/work/shared/data] [data/analysis]

A cue is a reporting verb form with a class:
  S  introduces reported speech on its own ("said the plan …", "Smith argued it …")
  T  needs "that", a colon or a quotation ("called the plan “a disaster”", "charged that …")
  O  a speech act whose object is what was said ("criticized the accord", "announced the cuts")
The verbs come from three sources: the Gender Gap Tracker reporting verbs (MIT; every form is T
unless listed below), the handmade CC0 speech-verb list of the shared data, and the lemma table
below, written for this project from the reporting verbs of news style guides and grammars
(say, tell, add, … with their classes); every lemma is inflected here (-s, -ed, -ing), so no
form of a listed verb is missing. Forms that are more often nouns or other words in news
("state", "reports", "claims", "order") are left out or kept weak.
See data/analysis/README.md.
"""
import os, sys

SRC = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data'
OUT = sys.argv[2] if len(sys.argv) > 2 else 'data/analysis'

LEMMAS = {
    'S': '''say tell add tweet write explain argue insist warn stress acknowledge declare assert admit concede
            suggest predict reply respond recall emphasize emphasise confirm deny complain testify report
            promise vow joke quip remark observe comment contend reiterate allege boast brag caution counter
            conclude recount speculate lament exclaim shout retort muse opine marvel hint
            confess affirm reaffirm whisper scoff protest reason agree answer note claim state post mention
            estimate theorize theorise grumble acknowledge concur recollect recount relate posit surmise
            announce'''.split(),
    'T': '''ask charge accuse urge call praise blast slam mock hail dismiss question dub label brand yell
            interject pledge highlight indicate signal point order demand plead beg chant sing cry scream
            tout rule wonder advise inform assure reassure remind notify clarify reconfirm reassert restate
            retell repeat underscore underline continue maintain proclaim declaim disclaim thunder rage
            fume snap gush rave sneer shrug counsel instruct command disclose reveal'''.split(),
    'O': '''describe criticize criticise condemn decry denounce'''.split(),
}
IRREGULAR = {'say': ('says', 'said', 'saying'), 'tell': ('tells', 'told', 'telling'),
             'write': ('writes', 'wrote', 'writing'), 'sing': ('sings', 'sang', 'singing'),
             'swear': ('swears', 'swore', 'swearing'), 'shoot': ('shoots', 'shot', 'shooting'), 'retell': ('retells', 'retold', 'retelling')}
DOUBLE = {'admit', 'quip', 'brag', 'commit', 'snap', 'dub', 'concur', 'regret', 'rebut', 'compel', 'label', 'beg',
          'signal', 'counsel', 'cancel', 'shrug', 'slam', 'scan'}
# "labeled" and "labelled" are both written; American spelling first, British added
BRITISH_DOUBLE = {'label', 'signal', 'counsel', 'cancel', 'marvel'}


def forms(v):
    if v in IRREGULAR:
        return (v,) + IRREGULAR[v]
    if v.endswith(('s', 'sh', 'ch', 'x', 'z')):
        third = v + 'es'
    elif v.endswith('y') and v[-2] not in 'aeiou':
        third = v[:-1] + 'ies'
    else:
        third = v + 's'
    if v.endswith('ee'):
        past, ing = v + 'd', v + 'ing'
    elif v.endswith('e'):
        past, ing = v + 'd', v[:-1] + 'ing'
    elif v.endswith('y') and v[-2] not in 'aeiou':
        past, ing = v[:-1] + 'ied', v + 'ing'
    elif v in DOUBLE and v not in BRITISH_DOUBLE:
        past, ing = v + v[-1] + 'ed', v + v[-1] + 'ing'
    else:
        past, ing = v + 'ed', v + 'ing'
    out = [v, third, past, ing]
    if v in BRITISH_DOUBLE:
        out += [v + v[-1] + 'ed', v + v[-1] + 'ing']
    return tuple(out)


# forms that are mostly something else in news: nouns ("the state", "reports", "a claim", "an
# order"), adjectives, or words whose verb reading introduces no speech ("points", "rules")
NOT_CUES = {'state', 'states', 'report', 'reports', 'claim', 'claims', 'note', 'notes', 'comment',
            'comments', 'tweet', 'tweets', 'reply', 'replies', 'answer', 'answers', 'post', 'posts',
            'posting', 'point', 'points', 'pointing', 'order', 'orders', 'ordering', 'demand', 'demands',
            'rule', 'rules', 'ruling', 'signal', 'signals', 'signaling', 'signalling', 'call', 'calls', 'question',
            'questions', 'questioning', 'label', 'labels', 'brand', 'brands', 'protest', 'protests',
            'protesting', 'reason', 'reasons', 'reasoning', 'counter', 'counters', 'countering', 'charge',
            'charges', 'charging', 'cry', 'cries', 'crying', 'continue', 'continues', 'continuing',
            'estimate', 'estimates', 'estimating', 'remark', 'remarks', 'praise', 'praises', 'mention',
            'mentions', 'promise', 'promises', 'vow', 'vows', 'boast', 'boasts', 'complain', 'hint',
            'hints', 'hinting', 'shout', 'shouts', 'whisper', 'whispers', 'joke', 'jokes', 'quip', 'quips',
            'blast', 'blasts', 'slam', 'slams', 'mock', 'mocking', 'hail', 'hails', 'yell', 'yells',
            'plead', 'pleads', 'beg', 'begs', 'chant', 'chants', 'chanting', 'sing', 'sings', 'singing',
            'scream', 'screams', 'screaming', 'tout', 'touts', 'rage', 'rages', 'raging', 'rave', 'raves',
            'raving', 'snap', 'snaps', 'gush', 'gushes', 'sneer', 'shrug', 'shrugs', 'shrugging', 'shrugged',
            'command', 'commands', 'counsel', 'counsels', 'instruct', 'relate', 'relates', 'relating',
            'related', 'concur', 'recollect', 'posit', 'surmise', 'thunder', 'thunders', 'fume', 'fumes',
            'muse', 'muses', 'marvel', 'marvels', 'agree', 'agrees', 'agreeing', 'agreed', 'reveal',
            'reveals', 'protested', 'observe', 'observes', 'observing', 'highlight', 'highlights',
            'indicate', 'reconfirm', 'reassert', 'restate', 'retell', 'maintain', 'declaim', 'disclaim',
            'brands', 'labeling', 'labelling', 'dub', 'dubs', 'interject', 'interjects', 'caution',
            'cautions', 'ask', 'charged', 'answering', 'estimated', 'reasoned', 'pledge', 'pledges',
            'stress', 'stresses', 'stressing', 'concluding', 'recounting', 'confessing', 'remarking',
            'repeating', 'repeat', 'repeats', 'repeated', 'maintaining', 'marveling', 'marvelling', 'commenting',
            'report', 'reporting', 'posted', 'sang', 'ruled'}
# the forms that have a stronger or weaker class than their lemma
OVERRIDE = {
    # 3rd person present of feature writing is as strong as the past ("notes", "muses")
    'notes': 'S', 'muses': 'S',
    # "described", "mentioned", "announced" take their content as an object
    'announced': 'O', 'announces': 'O', 'announce': 'O', 'mentioned': 'O',
    # "asked" and "called" need a quotation or "that" ("called the plan “a disaster”")
    'asked': 'T', 'asks': 'T', 'asking': 'T', 'called': 'T', 'calling': 'T',
    'answered': 'S', 'replied': 'S', 'claimed': 'S', 'noted': 'S', 'stated': 'S', 'reported': 'S',
    'promised': 'S', 'vowed': 'S', 'joked': 'S', 'quipped': 'S', 'remarked': 'S', 'commented': 'S',
    'posted': 'T', 'continued': 'T', 'maintained': 'T', 'maintains': 'T', 'hinted': 'T',
    'confirmed': 'S', 'denied': 'T', 'recalled': 'T', 'shouted': 'S', 'boasted': 'S', 'condemned': 'O',
    # "recalled an incident", "denied the report": with a plain noun phrase after them they
    # remember or refuse; what was said comes with "that" or a quotation
    'recalls': 'T', 'recalling': 'T', 'denies': 'T', 'denying': 'T',
}


def lines(path):
    with open(path, encoding='utf-8') as f:
        return [l.rstrip('\n') for l in f if l.strip() and not l.startswith('#')]


# the first classification (GGT forms minus noisy ones, the handmade list, the classes of the
# most frequent forms); the lemma table below only adds the forms it lacks
strong = {'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'telling', 'added', 'adds', 'adding',
          'tweeted', 'wrote', 'writes', 'explained', 'explains', 'argued', 'argues', 'claimed', 'insisted',
          'insists', 'warned', 'warns', 'noted', 'stressed', 'stresses', 'acknowledged', 'acknowledges',
          'announced', 'announces', 'declared', 'declares', 'asserted', 'asserts', 'admitted', 'admits',
          'conceded', 'concedes', 'suggested', 'suggests', 'predicted', 'predicts', 'replied', 'responded',
          'answered', 'recalled', 'recalls', 'emphasized', 'emphasised', 'confirmed', 'confirms', 'denied',
          'denies', 'complained', 'complains', 'testified', 'stated', 'reported', 'reports', 'promised',
          'vowed', 'vows', 'joked', 'quipped', 'remarked', 'observed', 'commented', 'mentioned', 'posted',
          'continued', 'asked', 'asks', 'exclaimed', 'shouted', 'insisting', 'arguing', 'claiming',
          'noting', 'explaining', 'warning', 'stressing', 'declaring', 'writing', 'tweeting', 'asserting',
          'predicting', 'suggesting', 'acknowledging', 'admitting', 'announcing', 'describing', 'described',
          'retorted', 'contended', 'contends', 'maintained', 'maintains', 'pointed', 'reiterated',
          'charged', 'charges', 'alleged', 'alleges', 'boasted', 'bragged', 'cautioned', 'urged',
          'countered', 'concluded', 'conceding', 'recounted', 'speculated', 'lamented', 'yelled', 'wrote', 'shot', 'interjected', 'pledged', 'accused', 'accuses', 'blasted', 'slammed', 'mocked', 'praised', 'criticized', 'dismissed', 'questioned', 'called', 'calls', 'calling', 'dubbed', 'labeled', 'branded', 'decried', 'denounced', 'hailed'}
noisy = {'accept', 'accepted', 'acclaim', 'acclaimed', 'acclaiming', 'acclaims', 'convince', 'convinced',
         'convinces', 'convincing', 'demonstrate', 'demonstrated', 'demonstrates', 'demonstrating', 'ensure',
         'ensured', 'ensures', 'ensuring', 'finding', 'finds', 'present', 'presenting', 'presents', 'release',
         'released', 'releases', 'releasing', 'think', 'thinking', 'thinks', 'thought', 'point', 'points',
         'pointing', 'persist', 'persisted', 'persisting', 'persists', 'continue', 'continues', 'continuing',
         'state', 'states', 'estimated', 'estimates', 'illustrate', 'illustrated', 'illustrates', 'illustrating',
         'preach', 'preached', 'preaches', 'preaching', 'rave', 'raved', 'raves', 'raving', 'note', 'notes',
         'comment', 'comments', 'claim', 'claims', 'tweet', 'tweets', 'reply', 'replies', 'report', 'reporting',
         'dispute', 'disputes', 'release', 'highlight', 'highlights', 'mention', 'mentions', 'remind',
         'reminds', 'reckon', 'reckons', 'reckoning', 'add', 'admit', 'advise', 'announce', 'argue', 'assert',
         'assure', 'clarify', 'conclude', 'confirm', 'criticize', 'declaim', 'declare', 'decry', 'denounce',
         'describe', 'disclaim', 'exclaim', 'explain', 'indicate', 'inform', 'insist', 'notify', 'predict',
         'proclaim', 'reassert', 'reassure', 'reconfirm', 'respond', 'restate', 'retell', 'suggest', 'testify',
         'warn', 'write', 'acknowledge'}
cues = {}
for w in lines(os.path.join(SRC, 'reporting-verbs-ggt.txt')):
    w = w.strip().lower()
    if w not in noisy:
        cues[w] = 'T'
for l in lines(os.path.join(SRC, 'gazetteers/handmade/speech_verbs.txt')):
    for w in l.split('\t')[1:]:
        w = w.strip().lower()
        if w and ' ' not in w and w not in noisy:
            cues.setdefault(w, 'T')
weak = {'yelled', 'shot', 'interjected', 'pledged', 'accused', 'accuses', 'blasted', 'slammed', 'mocked',
        'praised', 'criticized', 'dismissed', 'questioned', 'called', 'calls', 'calling', 'dubbed', 'labeled',
        'branded', 'decried', 'denounced', 'hailed', 'charged', 'charges', 'described', 'describing', 'continued',
        'asked', 'asks', 'urged', 'posted', 'maintained', 'maintains', 'continued', 'pointed',
        'recalled', 'recalls', 'denied', 'denies', 'deny'}
# O = a speech act whose object is what was said ("criticized X for Y", "announced Z")
objective = {'criticized', 'criticizing', 'criticizes', 'denounced', 'decried', 'described', 'describing',
             'describes', 'announced', 'announces', 'mentioned'}
strong |= objective
# base forms after "to", "did", "will": "continuing to insist she will …", "did note that …"
strong |= {'insist', 'argue', 'explain', 'suggest', 'warn', 'admit', 'acknowledge', 'deny', 'predict', 'declare'}
weak |= {'note', 'claim'}
strong |= weak
for w in strong:
    cues[w] = 'O' if w in objective else 'T' if w in weak else 'S'
# present-tense forms of feature writing that were added by hand to the first list
cues.update({'boasts': 'T', 'counters': 'T', 'muses': 'S', 'notes': 'T', 'replies': 'T'})
# 3rd person forms that need "that" after them, so the noun reading ("the claims") does no harm
cues.update({'claims': 'T', 'vows': 'T', 'promises': 'T', 'hints': 'T'})
# every form of the lemma table that the lists above lack
# (no base forms: after "to" they are mostly plans, "to confirm the nominees"; and the participle
# is weak: "emphasizing economic fairness" is a topic, not what was said)
for cls, lemmas in LEMMAS.items():
    for lemma in lemmas:
        for k, f in enumerate(forms(lemma)):
            if k == 0 or f in cues or f in NOT_CUES:
                continue
            cues[f] = OVERRIDE.get(f, 'T' if f.endswith('ing') else cls)
with open(os.path.join(OUT, 'cues.tsv'), 'w', encoding='utf-8') as f:
    f.write('# reporting verb form TAB S (introduces reported speech) / T (needs "that" or a quotation) /\n')
    f.write('# O (a speech act whose object is what was said)\n')
    f.write('# built by bench/analysis/build-cues.py from the Gender Gap Tracker list (MIT), the handmade CC0\n')
    f.write('# list and this project\'s lemma table; see README.md\n')
    for w in sorted(cues):
        f.write(f'{w}\t{cues[w]}\n')

# noun cues: "his claim that …", "the company's statement that …"
NOUNS = '''claim claims statement statements assertion assertions insistence contention argument
           admission allegation allegations accusation accusations denial suggestion warning warnings
           promise pledge vow prediction boast complaint explanation testimony declaration
           acknowledgment acknowledgement announcement assurance assurances remark remarks comment
           comments insinuation charge'''.split()
with open(os.path.join(OUT, 'cue-nouns.txt'), 'w', encoding='utf-8') as f:
    f.write('# nouns that report speech before "that" ("his claim that …"); built by\n')
    f.write('# bench/analysis/build-cues.py for this project, see README.md\n')
    for w in sorted(set(NOUNS)):
        f.write(w + '\n')
print(len(cues), 'cue forms;', len(set(NOUNS)), 'cue nouns')
