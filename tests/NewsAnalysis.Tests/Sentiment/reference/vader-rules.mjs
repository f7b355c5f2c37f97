// A second, independent transcription of VADER used only to make test expectations: with no flags it reproduces
// the npm port vader-sentiment 1.1.3 (make-reference.mjs checks this on every input), with every flag it follows the
// published Python reference vaderSentiment.py 3.3.2. Each flag is one documented difference between the two, so a
// difference between the port and the reference can be attributed to the flags that cause it.
// Hutto, C.J. & Gilbert, E.E. (2014). VADER. ICWSM-14. Lexicon: MIT. This file: part of NewsAnalysis (tests).

export const FLAGS = {
  tokenizer: 'Python 3.3 splits on white space and strips leading/trailing punctuation (keeping tokens that would shrink to <= 2 chars, and one-letter words such as "a"); the port drops tokens of one character and strips only one punctuation mark',
  unicodeUpper: 'Python str.isupper() knows non-ASCII letters; the port tests /[A-Z]/ only',
  boosterList: 'Python BOOSTER_DICT adds considerable, enormous, exceptional, extreme, frackin, fracking, fuckin, fuggin, fugging, incredible, major, marginal, occasional, scarce, slight, total, tremendous, utter',
  specialCases: 'Python SPECIAL_CASES adds badass, bus stop, to die for, beating heart, broken heart and drops cut the mustard, hand to mouth (moved to the unused SENTIMENT_LADEN_IDIOMS)',
  lowercaseRules: 'Python lower-cases words before the negation, "never so", idiom and "but" checks ("Not", "But" count); the port compares them as written',
  noRule: 'Python treats "no" before a lexicon word (within two words, or three with or/nor) as a negation and neutralises "no" itself',
  negationRules: 'Python multiplies "never so/this X" by 1.25 (the port 1.5) and keeps "without doubt" from negating',
  idiomNgrams: 'Python adds each booster n-gram (three-two-one, three-two, two-one) before the word with its own value; the port adds -0.293 once',
  butQuirk: 'Python scales the valences around "but" through list.index(value), so equal valences scale the first occurrence; the port scales by position',
  rounding: 'Python round() takes exact ties to even (0.0625 -> 0.062); JavaScript toFixed takes them up (0.063)',
};

const B_INCR = 0.293, B_DECR = -0.293, C_INCR = 0.733, N_SCALAR = -0.74;
const NEGATE = ['aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt', "ain't", "aren't", "can't",
  "couldn't", "daren't", "didn't", "doesn't", 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt', 'mustnt', 'neither',
  "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", 'neednt', "needn't", 'never', 'none', 'nope',
  'nor', 'not', 'nothing', 'nowhere', 'oughtnt', 'shant', 'shouldnt', 'uhuh', 'wasnt', 'werent', "oughtn't", "shan't",
  "shouldn't", 'uh-uh', "wasn't", "weren't", 'without', 'wont', 'wouldnt', "won't", "wouldn't", 'rarely', 'seldom', 'despite'];
const JS_INCR = ['absolutely', 'amazingly', 'awfully', 'completely', 'considerably', 'decidedly', 'deeply', 'effing',
  'enormously', 'entirely', 'especially', 'exceptionally', 'extremely', 'fabulously', 'flipping', 'flippin', 'fricking',
  'frickin', 'frigging', 'friggin', 'fully', 'fucking', 'greatly', 'hella', 'highly', 'hugely', 'incredibly', 'intensely',
  'majorly', 'more', 'most', 'particularly', 'purely', 'quite', 'really', 'remarkably', 'so', 'substantially', 'thoroughly',
  'totally', 'tremendously', 'uber', 'unbelievably', 'unusually', 'utterly', 'very'];
const JS_DECR = ['almost', 'barely', 'hardly', 'just enough', 'kind of', 'kinda', 'kindof', 'kind-of', 'less', 'little',
  'marginally', 'occasionally', 'partly', 'scarcely', 'slightly', 'somewhat', 'sort of', 'sorta', 'sortof', 'sort-of'];
const PY_INCR_EXTRA = ['considerable', 'enormous', 'exceptional', 'extreme', 'frackin', 'fracking', 'fuckin', 'fuggin',
  'fugging', 'incredible', 'major', 'total', 'tremendous', 'utter'];
const PY_DECR_EXTRA = ['marginal', 'occasional', 'scarce', 'slight'];
const dict = (incr, decr) => Object.fromEntries([...incr.map((w) => [w, B_INCR]), ...decr.map((w) => [w, B_DECR])]);
const JS_BOOSTERS = dict(JS_INCR, JS_DECR);
const PY_BOOSTERS = dict([...JS_INCR, ...PY_INCR_EXTRA], [...JS_DECR, ...PY_DECR_EXTRA]);
const JS_SPECIAL = { 'the shit': 3, 'the bomb': 3, 'bad ass': 1.5, 'yeah right': -2, 'cut the mustard': 2, 'kiss of death': -1.5, 'hand to mouth': -2 };
const PY_SPECIAL = { 'the shit': 3, 'the bomb': 3, 'bad ass': 1.5, badass: 1.5, 'bus stop': 0.0, 'yeah right': -2,
  'kiss of death': -1.5, 'to die for': 3, 'beating heart': 3.1, 'broken heart': -2.9 };
const PUNC_LIST = ['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?'];
const REMOVE_PUNC = /[!"#$%&'()*+,-./:;<=>?@[\\\]^_`{|}~]/g;
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const ASCII_PUNCT = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

/** Reads vader_lexicon.txt as the Python reference does (later duplicates win). */
export function parseLexicon(text) {
  const lex = Object.create(null);
  for (const line of text.replace(/\n+$/, '').split('\n')) {
    if (!line) continue;
    const [word, measure] = line.trim().split('\t');
    lex[word] = parseFloat(measure);
  }
  return lex;
}

function tokensPort(text) {
  const wordsOnly = text.replace(REMOVE_PUNC, '').split(/\s/).filter((w) => w.length > 1);
  const map = {};
  for (const p of PUNC_LIST) for (const w of wordsOnly) { map[p + w] = w; map[w + p] = w; }
  return text.split(/\s/).filter((t) => t.length > 1).map((t) => (has(map, t) ? map[t] : t));
}

function tokensPython(text) {
  return text.split(PY_SPACE).filter((t) => t.length > 0).map((t) => {
    let a = 0, b = t.length;
    while (a < b && ASCII_PUNCT.includes(t[a])) a++;
    while (b > a && ASCII_PUNCT.includes(t[b - 1])) b--;
    const s = t.slice(a, b);
    return [...s].length <= 2 ? t : s;
  });
}

const upperPort = (w) => w.length > 0 && /^[^a-z]*[A-Z]+[^a-z]*$/.test(w);
const upperPython = (w) => /\p{Lu}/u.test(w) && !/[\p{Ll}\p{Lt}]/u.test(w);

function roundTo(x, d, halfEven) {
  if (!halfEven) return parseFloat(x.toFixed(d));
  const exact = Math.abs(x).toFixed(40);
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 1 + d);
  if (/^50*$/.test(tail)) {
    const kept = Number(exact.slice(0, dot + 1 + d).replace('.', ''));
    const n = kept % 2 === 0 ? kept : kept + 1;
    return Math.sign(x) * (n / 10 ** d);
  }
  return parseFloat(x.toFixed(d));
}

/** Scores text: flags is a Set of FLAGS keys (empty = the npm port, all = the Python reference). */
export function score(text, lexicon, flags) {
  const f = (k) => flags.has(k);
  const BOOSTERS = f('boosterList') ? PY_BOOSTERS : JS_BOOSTERS;
  const SPECIAL = f('specialCases') ? PY_SPECIAL : JS_SPECIAL;
  const isUpper = f('unicodeUpper') ? upperPython : upperPort;
  const words = f('tokenizer') ? tokensPython(text) : tokensPort(text);
  const low = words.map((w) => w.toLowerCase());
  const cmp = f('lowercaseRules') ? low : words; // the words the rule checks compare
  const inLex = (w) => has(lexicon, w);
  const caps = words.filter(isUpper).length;
  const capDiff = words.length - caps > 0 && words.length - caps < words.length;
  const negated = (w) => {
    const word = f('lowercaseRules') ? w.toLowerCase() : w;
    return NEGATE.includes(word) || word.includes("n't");
  };
  const scalarIncDec = (w, valence) => {
    let scalar = 0.0;
    const wl = w.toLowerCase();
    if (has(BOOSTERS, wl)) {
      scalar = BOOSTERS[wl];
      if (valence < 0) scalar *= -1;
      if (isUpper(w) && capDiff) scalar += valence > 0 ? C_INCR : -C_INCR;
    }
    return scalar;
  };
  const negationCheck = (valence, startI, i) => {
    const w = (k) => cmp[k];
    if (startI === 0) {
      if (negated(words[i - 1])) valence *= N_SCALAR;
    } else if (startI === 1) {
      if (w(i - 2) === 'never' && (w(i - 1) === 'so' || w(i - 1) === 'this')) valence *= f('negationRules') ? 1.25 : 1.5;
      else if (f('negationRules') && w(i - 2) === 'without' && w(i - 1) === 'doubt') { /* kept */ }
      else if (negated(words[i - 2])) valence *= N_SCALAR;
    } else {
      if ((w(i - 3) === 'never' && (w(i - 2) === 'so' || w(i - 2) === 'this')) || w(i - 1) === 'so' || w(i - 1) === 'this') valence *= 1.25;
      else if (f('negationRules') && w(i - 3) === 'without' && (w(i - 2) === 'doubt' || w(i - 1) === 'doubt')) { /* kept */ }
      else if (negated(words[i - 3])) valence *= N_SCALAR;
    }
    return valence;
  };
  const idiomsCheck = (valence, i) => {
    const j = (...ks) => ks.map((k) => cmp[k]).join(' ');
    const onezero = j(i - 1, i), twoonezero = j(i - 2, i - 1, i), twoone = j(i - 2, i - 1);
    const threetwoone = j(i - 3, i - 2, i - 1), threetwo = j(i - 3, i - 2);
    for (const seq of [onezero, twoonezero, twoone, threetwoone, threetwo]) {
      if (has(SPECIAL, seq)) { valence = SPECIAL[seq]; break; }
    }
    if (words.length - 1 > i && has(SPECIAL, j(i, i + 1))) valence = SPECIAL[j(i, i + 1)];
    if (words.length - 1 > i + 1 && has(SPECIAL, j(i, i + 1, i + 2))) valence = SPECIAL[j(i, i + 1, i + 2)];
    if (f('idiomNgrams')) {
      for (const g of [threetwoone, threetwo, twoone]) if (has(BOOSTERS, g)) valence += BOOSTERS[g];
    } else if (has(BOOSTERS, threetwo) || has(BOOSTERS, twoone)) valence += B_DECR;
    return valence;
  };
  const leastCheck = (valence, i) => {
    if (i > 1 && !inLex(low[i - 1]) && low[i - 1] === 'least') {
      if (low[i - 2] !== 'at' && low[i - 2] !== 'very') valence *= N_SCALAR;
    } else if (i > 0 && !inLex(low[i - 1]) && low[i - 1] === 'least') valence *= N_SCALAR;
    return valence;
  };

  let sentiments = [];
  for (let i = 0; i < words.length; i++) {
    if (has(BOOSTERS, low[i]) || (i < words.length - 1 && low[i] === 'kind' && low[i + 1] === 'of')) { sentiments.push(0); continue; }
    let valence = 0;
    if (inLex(low[i])) {
      valence = lexicon[low[i]];
      if (f('noRule')) {
        if (low[i] === 'no' && i !== words.length - 1 && inLex(low[i + 1])) valence = 0.0;
        if ((i > 0 && low[i - 1] === 'no') || (i > 1 && low[i - 2] === 'no') || (i > 2 && low[i - 3] === 'no' && ['or', 'nor'].includes(low[i - 1])))
          valence = lexicon[low[i]] * N_SCALAR;
      }
      if (isUpper(words[i]) && capDiff) valence += valence > 0 ? C_INCR : -C_INCR;
      for (let startI = 0; startI < 3; startI++) {
        if (i > startI && !inLex(low[i - (startI + 1)])) {
          let s = scalarIncDec(words[i - (startI + 1)], valence);
          if (startI === 1 && s !== 0) s *= 0.95;
          if (startI === 2 && s !== 0) s *= 0.9;
          valence += s;
          valence = negationCheck(valence, startI, i);
          if (startI === 2) valence = idiomsCheck(valence, i);
        }
      }
      valence = leastCheck(valence, i);
    }
    sentiments.push(valence);
  }

  let bi = cmp.indexOf('but');
  if (!f('lowercaseRules') && bi === -1) bi = words.indexOf('BUT');
  if (bi !== -1) {
    for (let k = 0; k < sentiments.length; k++) {
      const value = sentiments[k];
      const si = f('butQuirk') ? sentiments.indexOf(value) : k;
      if (si < bi) sentiments[si] = value * 0.5;
      else if (si > bi) sentiments[si] = value * 1.5;
    }
  }

  if (sentiments.length === 0) return { compound: 0, pos: 0, neu: 0, neg: 0 };
  let sum = 0;
  for (const s of sentiments) sum += s;
  const ep = Math.min((text.match(/!/g) || []).length, 4) * 0.292;
  const qmCount = (text.match(/\?/g) || []).length;
  const qm = qmCount > 1 ? (qmCount <= 3 ? qmCount * 0.18 : 0.96) : 0;
  const amp = ep + qm;
  if (sum > 0) sum += amp; else if (sum < 0) sum -= amp;
  const compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + 15)));
  let posSum = 0, negSum = 0, neu = 0;
  for (const s of sentiments) { if (s > 0) posSum += s + 1; else if (s < 0) negSum += s - 1; else neu += 1; }
  if (posSum > Math.abs(negSum)) posSum += amp; else if (posSum < Math.abs(negSum)) negSum -= amp;
  const total = posSum + Math.abs(negSum) + neu;
  const even = f('rounding');
  return {
    compound: roundTo(compound, 4, even),
    pos: roundTo(Math.abs(posSum / total), 3, even),
    neu: roundTo(Math.abs(neu / total), 3, even),
    neg: roundTo(Math.abs(negSum / total), 3, even),
  };
}
