"""Checks (or writes) the committed expectations with the Python reference itself. Standard library only.

    git clone https://github.com/cjhutto/vaderSentiment /tmp/vaderSentiment     # the revision: docs/sentiment.md
    PYTHONPATH=/tmp/vaderSentiment /usr/bin/python3 check-python.py [--write] [BBC_SENTENCES.json]

Scores every text of inputs/seeds.json, readme.json and rules.json (and of the BBC sentences the benchmark's
`sentiment --dump bbc` wrote, when given) with the reference's SentimentIntensityAnalyzer and its own lexicons
(vader_lexicon.txt and emoji_utf8_lexicon.txt beside vaderSentiment.py), and compares with expected/*.tsv.
Also checks that data/lexicons holds byte-identical copies of the reference's two lexicons. Exit code 1 when
anything differs.

--write rewrites the expected columns (compound, pos, neu, neg) from the reference instead. The js_* columns and
`difference` of a row already in the file are kept (the npm port vader-sentiment 1.1.3 as published, made once by
make-reference.mjs); a row whose expected score changed with the reference's newer lexicons gets the flag `lexicon`
when the port's score differs from it. New rows get empty js_* columns.
"""
import hashlib
import json
import os
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
import vaderSentiment.vaderSentiment as reference

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..'))
REFERENCE_DIR = os.path.dirname(os.path.abspath(reference.__file__))
analyzer = SentimentIntensityAnalyzer()  # the reference's own vader_lexicon.txt and emoji_utf8_lexicon.txt

HEADER = 'key\tcompound\tpos\tneu\tneg\tjs_compound\tjs_pos\tjs_neu\tjs_neg\tdifference'


def escape(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            out.append({'t': '\t', 'n': '\n', 'r': '\r'}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def number(x):
    """As JavaScript prints numbers (what the committed files hold): 0 and 1 without '.0'."""
    return str(int(x)) if x == int(x) else repr(x)


def sha1_key(text):
    return hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]


def scores(text):
    s = analyzer.polarity_scores(text)
    return (s['compound'], s['pos'], s['neu'], s['neg'])


def read_expected(name):
    path = os.path.join(HERE, 'expected', name + '.tsv')
    if not os.path.exists(path):
        return {}
    with open(path, encoding='utf-8') as f:
        rows = [line.rstrip('\n').split('\t') for line in f][1:]
    return {row[0]: row for row in rows if len(row) >= 5}


def texts_of(name, bbc_json):
    if name == 'bbc':
        with open(bbc_json, encoding='utf-8') as f:
            return [(sha1_key(t), t) for t in json.load(f)]
    with open(os.path.join(HERE, 'inputs', name + '.json'), encoding='utf-8') as f:
        return [(escape(t), t) for t in json.load(f)]


def run(name, write, bbc_json=None):
    old = read_expected(name)
    keyed, seen = [], set()
    for key, text in texts_of(name, bbc_json):
        if key not in seen:
            seen.add(key)
            keyed.append((key, text))
    if not write:
        differing = missing = 0
        for key, text in keyed:
            row = old.get(key)
            if row is None:
                missing += 1
                print('no row:', name, repr(text[:120]))
                continue
            got, expected = scores(text), tuple(float(x) for x in row[1:5])
            if got != expected:
                differing += 1
                print('differs:', name, repr(text[:120]), got, 'expected', expected)
        print(f'{name}: {len(keyed) - missing} rows checked, {differing} differ from the reference'
              + (f'; {missing} inputs have no row (run with --write)' if missing else ''))
        return differing + missing
    lines, changed = [HEADER], 0
    for key, text in keyed:
        got = scores(text)
        row = old.get(key)
        js, difference = ['', '', '', ''], ''
        if row is not None:
            js, difference = row[5:9], row[9]
            if tuple(float(x) for x in row[1:5]) != got:
                changed += 1
                flags = [f for f in difference.split(',') if f]
                if js[0] and tuple(float(x) for x in js) != got and 'lexicon' not in flags:
                    flags.append('lexicon')
                difference = ','.join(flags)
        lines.append('\t'.join([key] + [number(x) for x in got] + js + [difference]))
    with open(os.path.join(HERE, 'expected', name + '.tsv'), 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(lines) + '\n')
    print(f'{name}: wrote {len(keyed)} rows ({changed} changed, {len(keyed) - len([k for k, _ in keyed if k in old])} new)')
    return 0


def same_lexicons():
    bad = 0
    for name in ('vader_lexicon.txt', 'emoji_utf8_lexicon.txt'):
        with open(os.path.join(REFERENCE_DIR, name), 'rb') as a, open(os.path.join(ROOT, 'data', 'lexicons', name), 'rb') as b:
            same = a.read() == b.read()
        print(f'data/lexicons/{name}: {"identical to" if same else "DIFFERS from"} {os.path.join(REFERENCE_DIR, name)}')
        bad += 0 if same else 1
    return bad


args = [a for a in sys.argv[1:] if a != '--write']
write = '--write' in sys.argv[1:]
print(f'reference: {os.path.join(REFERENCE_DIR, "vaderSentiment.py")}')
bad = same_lexicons()
for set_name in ('seeds', 'readme', 'rules'):
    bad += run(set_name, write)
if args:
    bad += run('bbc', write, args[0])
sys.exit(1 if bad else 0)
