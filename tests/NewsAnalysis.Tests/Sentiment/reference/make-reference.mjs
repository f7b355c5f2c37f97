// Makes the expected VADER scores the parity tests check (see README.md in this folder).
//   node make-reference.mjs --in INPUT.json --out EXPECTED.tsv [--key text|sha1] [--vader DIR]
// INPUT.json: a JSON array of texts (or of objects with a "Text" field). DIR: the installed npm package
// vader-sentiment 1.1.3 (default: $VADER_JS, else /tmp/vader/node_modules/vader-sentiment).
// For every text it runs the npm port as published, checks that vader-rules.mjs without flags gives exactly the
// same scores, then scores it with every flag on (the published Python reference's rules). The TSV gets both, and
// for texts where they differ the flags that cause the difference.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { FLAGS, parseLexicon, score } from './vader-rules.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
if (!args.in || !args.out) {
  console.error('usage: node make-reference.mjs --in INPUT.json --out EXPECTED.tsv [--key text|sha1] [--vader DIR]');
  process.exit(2);
}
const dir = args.vader ?? process.env.VADER_JS ?? '/tmp/vader/node_modules/vader-sentiment';
const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
if (pkg.name !== 'vader-sentiment' || pkg.version !== '1.1.3') throw new Error(`${dir}: expected vader-sentiment 1.1.3, found ${pkg.name} ${pkg.version}`);
const port = createRequire(import.meta.url)(path.join(dir, pkg.main)).SentimentIntensityAnalyzer;
const lexicon = parseLexicon(fs.readFileSync(path.join(dir, 'vader_lexicon.txt'), 'utf8'));

const input = JSON.parse(fs.readFileSync(args.in, 'utf8'));
const texts = input.map((x) => (typeof x === 'string' ? x : x.Text));
const key = args.key ?? 'text';
const all = new Set(Object.keys(FLAGS));
const same = (a, b) => a.compound === b.compound && a.pos === b.pos && a.neu === b.neu && a.neg === b.neg;
const escape = (s) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const sha1 = (s) => crypto.createHash('sha1').update(s, 'utf8').digest('hex').slice(0, 16);

const rows = ['key\tcompound\tpos\tneu\tneg\tjs_compound\tjs_pos\tjs_neu\tjs_neg\tdifference'];
let differing = 0;
const seen = new Set();
for (const text of texts) {
  const k = key === 'sha1' ? sha1(text) : escape(text);
  if (seen.has(k)) continue;
  seen.add(k);
  const js = port.polarity_scores(text);
  const transcribed = score(text, lexicon, new Set());
  if (!same(js, transcribed)) throw new Error(`vader-rules.mjs without flags differs from the npm port on ${JSON.stringify(text)}: ${JSON.stringify(js)} vs ${JSON.stringify(transcribed)}`);
  const py = score(text, lexicon, all);
  let reasons = [];
  if (!same(js, py)) {
    differing++;
    // the flags without which the reference's result would change; failing that, those that alone change the port's
    reasons = [...all].filter((flag) => !same(py, score(text, lexicon, new Set([...all].filter((g) => g !== flag)))));
    if (reasons.length === 0) reasons = [...all].filter((flag) => !same(js, score(text, lexicon, new Set([flag]))));
    if (reasons.length === 0) reasons = ['combined'];
  }
  rows.push([k, py.compound, py.pos, py.neu, py.neg, js.compound, js.pos, js.neu, js.neg, reasons.join(',')].join('\t'));
}
fs.writeFileSync(args.out, rows.join('\n') + '\n');
console.log(`${args.out}: ${rows.length - 1} texts, ${differing} where the npm port and the Python reference differ`);
