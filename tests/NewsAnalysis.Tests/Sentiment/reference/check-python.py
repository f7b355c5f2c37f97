"""Checks the committed expectations against the published Python reference itself.

    pip install vaderSentiment==3.3.2          # or put a checkout's vaderSentiment/ folder on PYTHONPATH
    python3 check-python.py [BBC_SENTENCES.json]

Scores every row of expected/seeds.tsv, readme.tsv and rules.tsv (and bbc.tsv when the JSON the benchmark's
`--dump bbc` wrote is given) with vaderSentiment's SentimentIntensityAnalyzer, using this repository's lexicon
(data/lexicons/vader_lexicon.txt), and prints how many rows differ. Exit code 1 when any does.
"""
import hashlib
import json
import os
import sys

try:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
except ImportError:
    from vaderSentiment import SentimentIntensityAnalyzer  # a bare vaderSentiment.py on the path

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICON = os.path.join(HERE, '..', '..', '..', '..', 'data', 'lexicons', 'vader_lexicon.txt')
analyzer = SentimentIntensityAnalyzer(lexicon_file=os.path.abspath(LEXICON))


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


def check(name, texts_by_hash=None):
    with open(os.path.join(HERE, 'expected', name + '.tsv'), encoding='utf-8') as f:
        rows = [line.rstrip('\n').split('\t') for line in f][1:]
    differing = 0
    for row in rows:
        text = unescape(row[0]) if texts_by_hash is None else texts_by_hash.get(row[0])
        if text is None:
            continue
        s = analyzer.polarity_scores(text)
        got = (s['compound'], s['pos'], s['neu'], s['neg'])
        expected = tuple(float(x) for x in row[1:5])
        if got != expected:
            differing += 1
            print('differs:', name, repr(text[:120]), got, 'expected', expected)
    print(f'{name}: {len(rows)} rows, {differing} differ from vaderSentiment')
    return differing


bad = check('seeds') + check('readme') + check('rules')
if len(sys.argv) > 1:
    with open(sys.argv[1], encoding='utf-8') as f:
        texts = json.load(f)
    bad += check('bbc', {hashlib.sha1(t.encode('utf-8')).hexdigest()[:16]: t for t in texts})
sys.exit(1 if bad else 0)
