"""The Python reference VADER's scoring loop over the lines of a file: the peer of `news sentiment --lines`.

    PYTHONPATH=/tmp/vaderSentiment /usr/bin/python3 vader_lines.py LINES.txt     → one JSON line

Standard library only. Reads the file and builds the analyzer first (untimed), then times only the loop that calls
polarity_scores on every line (wall clock and this process's CPU time), and prints the sum of the compounds so the
caller can check both sides scored the same lines alike.
"""
import json
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
import vaderSentiment.vaderSentiment as reference

with open(sys.argv[1], encoding='utf-8', newline='') as f:
    text = f.read()
lines = text.replace('\r\n', '\n').replace('\r', '\n').split('\n')
if text.endswith('\n'):
    lines.pop()
analyzer = SentimentIntensityAnalyzer()

wall, cpu = time.perf_counter(), time.process_time()
checksum = 0.0
for line in lines:
    checksum += analyzer.polarity_scores(line)['compound']
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu

print(json.dumps({'reference': reference.__file__, 'python': sys.version.split()[0], 'lines': len(lines),
                  'seconds': wall, 'cpuSeconds': cpu, 'checksum': round(checksum, 4)}))
