using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace NewsAnalysis;

/// <summary>
/// VADER (Valence Aware Dictionary and sEntiment Reasoner, Hutto &amp; Gilbert 2014), a faithful port of the published
/// Python reference <c>vaderSentiment.py</c> (github.com/cjhutto/vaderSentiment, commit 44fc044): emoji translated to words, lexicon valences, boosters and dampeners with distance decay,
/// ALL-CAPS emphasis, negation within three words (with "never so", "without doubt", "least" and "no"), the "but"
/// shift, special-case idioms, "!" and "?" emphasis and compound = x / sqrt(x² + 15).
/// </summary>
/// <remarks>
/// Hand-written because no package on the mirror implements VADER for .NET (VaderSharp is absent, and it ports an
/// older version). It allocates nothing per call on the scoring path: tokens are spans of the input, the lexicon is a
/// frozen dictionary looked up by span, and working arrays are reused per thread. Thread-safe. The scoring methods are
/// compiled fully optimised at their first call (<see cref="MethodImplOptions.AggressiveOptimization"/>): a short
/// process such as <c>news sentiment --lines</c> would otherwise score much of its input in unoptimised tier-0 code.
/// As the reference does, each emoji is first replaced by its description from the emoji lexicon
/// (<see cref="VaderEmojiLexicon"/>): "💘" reads "heart with arrow". Parity with the reference's revision is in docs/sentiment.md.
/// </remarks>
public sealed class VaderSentimentAnalyzer
{
    private static readonly Lazy<VaderSentimentAnalyzer> defaultAnalyzer = new(() => new VaderSentimentAnalyzer(VaderLexicon.Default, VaderEmojiLexicon.Default));
    private static readonly FrozenLookup boosters = new(VaderRules.Boosters);
    private static readonly FrozenLookup specialCases = new(VaderRules.SpecialCases);

    [ThreadStatic] private static VaderScratch? threadScratch;

    private readonly VaderLexicon lexicon;
    private readonly VaderEmojiLexicon emoji;
    private readonly System.Collections.Frozen.FrozenDictionary<string, VaderWord>.AlternateLookup<ReadOnlySpan<char>> words;

    /// <summary>
    /// An analyzer over <paramref name="lexicon"/>, translating emoji with <paramref name="emoji"/> (default: the shipped
    /// emoji lexicon, as the reference does; <see cref="VaderEmojiLexicon.None"/> scores emoji as plain tokens).
    /// </summary>
    public VaderSentimentAnalyzer(VaderLexicon lexicon, VaderEmojiLexicon? emoji = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        this.lexicon = lexicon;
        this.emoji = emoji ?? VaderEmojiLexicon.Default;
        // One table for every word VADER knows (lexicon valence, booster increment, negation), so each token costs one lookup.
        var table = new Dictionary<string, VaderWord>(lexicon.Entries.Count + 64, StringComparer.Ordinal);
        foreach (var (word, valence) in lexicon.Entries) table[word] = new VaderWord(valence, 0, false);
        foreach (var (word, boost) in VaderRules.Boosters)
            table[word] = table.TryGetValue(word, out var w) ? w with { Booster = boost } : new VaderWord(double.NaN, boost, false);
        foreach (var word in VaderRules.Negations)
            table[word] = table.TryGetValue(word, out var w) ? w with { Negation = true } : new VaderWord(double.NaN, 0, true);
        foreach (var phrase in VaderRules.Boosters.Keys.Concat(VaderRules.SpecialCases.Keys).Where(k => k.Contains(' ')))
        {
            var first = phrase[..phrase.IndexOf(' ')];
            table[first] = table.TryGetValue(first, out var w) ? w with { PhraseStart = true } : new VaderWord(double.NaN, 0, false) { PhraseStart = true };
        }
        // Frozen: ~10 % faster to look up by span than a Dictionary (measured on 150,000 news lines), worth the few
        // milliseconds freezing takes once per process. Built from the lexicon's entries as read, so the lexicon's own
        // frozen copy (Valences) is never made in a process that only scores.
        words = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(table, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>What VADER knows of a lower-case word: lexicon valence (NaN when absent), booster increment (0 when none), negation.</summary>
    private readonly record struct VaderWord(double Valence, double Booster, bool Negation)
    {
        /// <summary>Whether a multi-word booster or special case starts with this word.</summary>
        public bool PhraseStart { get; init; }
    }

    /// <summary>The analyzer over the shipped lexicon.</summary>
    public static VaderSentimentAnalyzer Default => defaultAnalyzer.Value;

    /// <summary>
    /// Starts making <see cref="Default"/> on the thread pool and returns at once: the word lexicon and the emoji
    /// lexicon are read side by side while the scoring methods are compiled, so a process about to score (such as
    /// <c>news sentiment</c>, which calls this before opening its input) finds them ready instead of spending its first
    /// tenth of a second on them alone. <see cref="Default"/> waits for whatever is still running; an error is raised
    /// there, not here.
    /// </summary>
    public static void Preload()
    {
        if (defaultAnalyzer.IsValueCreated) return;
        Background(() => _ = Default);
        Background(() => _ = VaderEmojiLexicon.Default);
        Background(CompileScoringMethods);

        // Lazy<T> keeps a factory's exception and raises it to every caller of Default, where it is reported, and a method
        // not compiled ahead is compiled at its first call: nothing is lost by ignoring an exception here, while one let
        // through would end the process from a pool thread.
        static void Background(Action work) => ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            try { work(); }
            catch (Exception) { }
        }, null);
    }

    /// <summary>Compiles the methods marked <see cref="MethodImplOptions.AggressiveOptimization"/> (the scoring path) now.</summary>
    private static void CompileScoringMethods()
    {
        const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static
            | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly;
        foreach (var type in new[] { typeof(VaderSentimentAnalyzer), typeof(FrozenLookup), typeof(VaderScratch) })
            foreach (var method in type.GetMethods(all))
                if ((method.MethodImplementationFlags & System.Reflection.MethodImplAttributes.AggressiveOptimization) != 0 && !method.ContainsGenericParameters)
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
    }

    /// <summary>The lexicon this analyzer uses.</summary>
    public VaderLexicon Lexicon => lexicon;

    /// <summary>The emoji lexicon this analyzer translates emoji with.</summary>
    public VaderEmojiLexicon Emoji => emoji;

    /// <summary>Scores <paramref name="text"/> as one unit (VADER works best on one sentence).</summary>
    public SentimentScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Score(text.AsSpan());
    }

    /// <summary>Scores <paramref name="text"/> as one unit, without allocating.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SentimentScore Score(ReadOnlySpan<char> text)
    {
        var s = threadScratch ??= new VaderScratch();
        if (emoji.MayContain(text))
        {
            var length = emoji.Translate(text, []);
            if (s.Translated.Length < length) s.Translated = new char[Math.Max(length, s.Translated.Length * 2)];
            text = s.Translated.AsSpan(0, emoji.Translate(text, s.Translated));
        }
        var n = Valences(text, s, null);
        return Summarise(text, s.Sentiments.AsSpan(0, n), out _, out _);
    }

    /// <summary>
    /// Scores <paramref name="text"/> and lists every word with a nonzero valence, the rules that shaped it and its effect
    /// on the compound. The explanation's text is the one scored: emoji replaced by their descriptions.
    /// </summary>
    public SentimentExplanation Explain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = emoji.Translate(text);
        var s = new VaderScratch();
        var rules = new SentimentRules[text.Length / 2 + 1];
        var n = Valences(text, s, rules);
        var sentiments = s.Sentiments.AsSpan(0, n);
        var score = Summarise(text, sentiments, out var rawSum, out var amplifier);
        var compound = Normalize(Emphasise(rawSum, amplifier));
        var words = new List<SentimentWordContribution>();
        for (var k = 0; k < n; k++)
        {
            if (sentiments[k] == 0) continue;
            var without = Normalize(Emphasise(rawSum - sentiments[k], amplifier));
            double? lex = double.IsNaN(s.Lexicon[k]) ? null : s.Lexicon[k];
            words.Add(new SentimentWordContribution(k, text.Substring(s.Start[k], s.Length[k]), lex,
                Math.Round(sentiments[k], 4), Math.Round(compound - without, 4), rules[k]));
        }
        return new SentimentExplanation(text, score, words);
    }

    /// <summary>Python's <c>round(x, digits)</c>: correctly rounded from the exact binary value, exact ties to even (JavaScript's toFixed rounds them up).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double RoundHalfEven(double x, int digits)
    {
        if (digits is < 0 or > 15) throw new ArgumentOutOfRangeException(nameof(digits), digits, "digits must be 0..15");
        if (!double.IsFinite(x)) return x;
        var scale = Pow10[digits];
        var y = x * scale;
        if (Math.Abs(y) >= 4e15) return x; // no fractional digits left to round
        // x·scale = y + error exactly (the fused multiply-add gives the product's rounding error), so the position
        // of the exact product against the half-way point is the sign of (y - floor(y) - 0.5) + error, and an exact
        // tie is when that is zero. No string formatting: this runs four times per sentence.
        var error = Math.FusedMultiplyAdd(x, scale, -y);
        var floor = Math.Floor(y);
        var above = (y - floor - 0.5) + error;
        var n = above > 0 ? floor + 1 : above < 0 ? floor : (floor % 2 == 0 ? floor : floor + 1);
        return Math.CopySign(n / scale, x);
    }

    private static readonly double[] Pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    // ---- the rules (polarity_scores / sentiment_valence of the reference) ----

    /// <summary>Tokenises into <paramref name="s"/> and fills <c>s.Sentiments</c> with each token's valence after every rule; returns the token count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Valences(ReadOnlySpan<char> text, VaderScratch s, SentimentRules[]? rules)
    {
        var n = Tokenize(text, s);
        var capDiff = s.CapsDifferential(n);
        var sent = s.Sentiments;
        for (var i = 0; i < n; i++)
        {
            if (s.Booster[i] != 0 || (i < n - 1 && s.Is(i, "kind") && s.Is(i + 1, "of")))
            {
                sent[i] = 0;
                continue;
            }
            sent[i] = double.IsNaN(s.Lexicon[i]) ? 0 : WordValence(s, n, i, capDiff, rules);
        }
        ButCheck(s, n, rules);
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double WordValence(VaderScratch s, int n, int i, bool capDiff, SentimentRules[]? rules)
    {
        var lex = s.Lexicon[i];
        var valence = lex;
        var applied = SentimentRules.None;
        // "no" followed by a lexicon word negates that word instead of counting itself.
        if (s.Is(i, "no") && i != n - 1 && !double.IsNaN(s.Lexicon[i + 1]))
        {
            valence = 0.0;
            applied |= SentimentRules.No;
        }
        if ((i > 0 && s.Is(i - 1, "no")) || (i > 1 && s.Is(i - 2, "no"))
            || (i > 2 && s.Is(i - 3, "no") && (s.Is(i - 1, "or") || s.Is(i - 1, "nor"))))
        {
            valence = lex * VaderRules.NegationScalar;
            applied |= SentimentRules.No;
        }
        if (s.Upper[i] && capDiff)
        {
            valence = valence > 0 ? valence + VaderRules.CapsIncrement : valence - VaderRules.CapsIncrement;
            applied |= SentimentRules.AllCaps;
        }
        for (var startI = 0; startI < 3; startI++)
        {
            var j = i - (startI + 1);
            if (i <= startI || !double.IsNaN(s.Lexicon[j])) continue;
            var scalar = ScalarIncDec(s, j, valence, capDiff);
            if (startI == 1 && scalar != 0) scalar *= 0.95;
            if (startI == 2 && scalar != 0) scalar *= 0.9;
            if (scalar != 0) applied |= SentimentRules.Boosted;
            valence += scalar;
            valence = NegationCheck(s, valence, startI, i, ref applied);
            if (startI == 2) valence = SpecialIdiomsCheck(s, n, valence, i, ref applied);
        }
        valence = LeastCheck(s, valence, i, ref applied);
        if (rules is not null) rules[i] = applied;
        return valence;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ScalarIncDec(VaderScratch s, int j, double valence, bool capDiff)
    {
        var scalar = s.Booster[j];
        if (scalar == 0) return 0.0;
        if (valence < 0) scalar *= -1;
        if (s.Upper[j] && capDiff) scalar = valence > 0 ? scalar + VaderRules.CapsIncrement : scalar - VaderRules.CapsIncrement;
        return scalar;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double NegationCheck(VaderScratch s, double valence, int startI, int i, ref SentimentRules applied)
    {
        var factor = 1.0;
        switch (startI)
        {
            case 0:
                if (s.Negating[i - 1]) factor = VaderRules.NegationScalar;
                break;
            case 1:
                if (s.Is(i - 2, "never") && (s.Is(i - 1, "so") || s.Is(i - 1, "this"))) factor = 1.25;
                else if (s.Is(i - 2, "without") && s.Is(i - 1, "doubt")) { }
                else if (s.Negating[i - 2]) factor = VaderRules.NegationScalar;
                break;
            default:
                if ((s.Is(i - 3, "never") && (s.Is(i - 2, "so") || s.Is(i - 2, "this"))) || s.Is(i - 1, "so") || s.Is(i - 1, "this")) factor = 1.25;
                else if (s.Is(i - 3, "without") && (s.Is(i - 2, "doubt") || s.Is(i - 1, "doubt"))) { }
                else if (s.Negating[i - 3]) factor = VaderRules.NegationScalar;
                break;
        }
        if (factor == 1.0) return valence;
        applied |= factor > 0 ? SentimentRules.NeverSo : SentimentRules.Negated;
        return valence * factor;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SpecialIdiomsCheck(VaderScratch s, int n, double valence, int i, ref SentimentRules applied)
    {
        // onezero, twoonezero, twoone, threetwoone, threetwo: the first that is a special case sets the valence.
        if (specialCases.TryGet(s, i - 1, 2, out var v) || specialCases.TryGet(s, i - 2, 3, out v) || specialCases.TryGet(s, i - 2, 2, out v)
            || specialCases.TryGet(s, i - 3, 3, out v) || specialCases.TryGet(s, i - 3, 2, out v))
        {
            valence = v;
            applied |= SentimentRules.Idiom;
        }
        if (n - 1 > i && specialCases.TryGet(s, i, 2, out v)) { valence = v; applied |= SentimentRules.Idiom; }
        if (n - 1 > i + 1 && specialCases.TryGet(s, i, 3, out v)) { valence = v; applied |= SentimentRules.Idiom; }
        // booster/dampener n-grams such as "sort of" or "kind of" before the word
        if (boosters.TryGet(s, i - 3, 3, out v)) { valence += v; applied |= SentimentRules.Boosted; }
        if (boosters.TryGet(s, i - 3, 2, out v)) { valence += v; applied |= SentimentRules.Boosted; }
        if (boosters.TryGet(s, i - 2, 2, out v)) { valence += v; applied |= SentimentRules.Boosted; }
        return valence;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double LeastCheck(VaderScratch s, double valence, int i, ref SentimentRules applied)
    {
        if (i > 1 && double.IsNaN(s.Lexicon[i - 1]) && s.Is(i - 1, "least"))
        {
            if (!s.Is(i - 2, "at") && !s.Is(i - 2, "very")) { valence *= VaderRules.NegationScalar; applied |= SentimentRules.Least; }
        }
        else if (i > 0 && double.IsNaN(s.Lexicon[i - 1]) && s.Is(i - 1, "least"))
        {
            valence *= VaderRules.NegationScalar;
            applied |= SentimentRules.Least;
        }
        return valence;
    }

    /// <summary>
    /// The contrastive "but": valences before the first "but" are halved, after it × 1.5. Reproduces the reference's
    /// loop exactly, including its quirk: it finds each value's position with <c>list.index(value)</c>, so when two
    /// tokens hold equal valences the first of them is the one scaled.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ButCheck(VaderScratch s, int n, SentimentRules[]? rules)
    {
        var bi = -1;
        for (var k = 0; k < n; k++)
            if (s.Is(k, "but")) { bi = k; break; }
        if (bi < 0) return;
        var sent = s.Sentiments.AsSpan(0, n);
        for (var k = 0; k < n; k++)
        {
            var value = sent[k];
            var si = sent.IndexOf(value);
            if (si < bi)
            {
                sent[si] = value * 0.5;
                if (rules is not null && value != 0) rules[si] |= SentimentRules.BeforeBut;
            }
            else if (si > bi)
            {
                sent[si] = value * 1.5;
                if (rules is not null && value != 0) rules[si] |= SentimentRules.AfterBut;
            }
        }
    }

    // ---- score_valence ----

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SentimentScore Summarise(ReadOnlySpan<char> text, ReadOnlySpan<double> sentiments, out double rawSum, out double amplifier)
    {
        rawSum = 0;
        amplifier = 0;
        if (sentiments.IsEmpty) return default;
        foreach (var v in sentiments) rawSum += v;
        amplifier = PunctuationEmphasis(text);
        var compound = Normalize(Emphasise(rawSum, amplifier));
        double posSum = 0, negSum = 0;
        var neutral = 0;
        foreach (var v in sentiments)
        {
            if (v > 0) posSum += v + 1; // compensates for neutral words that are counted as 1
            if (v < 0) negSum += v - 1;
            if (v == 0) neutral++;
        }
        if (posSum > Math.Abs(negSum)) posSum += amplifier;
        else if (posSum < Math.Abs(negSum)) negSum -= amplifier;
        var total = posSum + Math.Abs(negSum) + neutral;
        return new SentimentScore(
            RoundHalfEven(compound, 4),
            RoundHalfEven(Math.Abs(posSum / total), 3),
            RoundHalfEven(Math.Abs(neutral / total), 3),
            RoundHalfEven(Math.Abs(negSum / total), 3));
    }

    private static double Emphasise(double sum, double amplifier) => sum > 0 ? sum + amplifier : sum < 0 ? sum - amplifier : sum;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double PunctuationEmphasis(ReadOnlySpan<char> text)
    {
        var ep = Math.Min(text.Count('!'), 4);
        var qm = text.Count('?');
        var qmAmplifier = qm <= 1 ? 0.0 : qm <= 3 ? qm * 0.18 : 0.96;
        return ep * 0.292 + qmAmplifier;
    }

    /// <summary>compound = x / sqrt(x² + 15), clamped to [-1, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Normalize(double score, double alpha = VaderRules.NormalizationAlpha)
    {
        var norm = score / Math.Sqrt(score * score + alpha);
        return norm < -1.0 ? -1.0 : norm > 1.0 ? 1.0 : norm;
    }

    // ---- SentiText: tokens ----

    /// <summary>
    /// Python's <c>text.split()</c> then <c>token.strip(string.punctuation)</c>, keeping the original token when
    /// two or fewer characters would remain (emoticons such as ":)" and ":D").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Tokenize(ReadOnlySpan<char> text, VaderScratch s)
    {
        s.Ensure(text.Length);
        var lower = s.Lower.AsSpan(0, text.Length);
        text.ToLowerInvariant(lower);
        var n = 0;
        var pos = 0;
        while (pos < text.Length)
        {
            while (pos < text.Length && IsPythonWhiteSpace(text[pos])) pos++;
            if (pos >= text.Length) break;
            var start = pos;
            while (pos < text.Length && !IsPythonWhiteSpace(text[pos])) pos++;
            int a = start, b = pos;
            while (a < b && IsAsciiPunctuation(text[a])) a++;
            while (b > a && IsAsciiPunctuation(text[b - 1])) b--;
            if (CodePoints(text[a..b]) <= 2) { a = start; b = pos; }
            s.Start[n] = a;
            s.Length[n] = b - a;
            var word = lower.Slice(a, b - a);
            var known = words.TryGetValue(word, out var info);
            s.Lexicon[n] = known ? info.Valence : double.NaN;
            s.Booster[n] = known ? info.Booster : 0.0;
            s.Negating[n] = (known && info.Negation) || word.Contains("n't", StringComparison.Ordinal);
            s.PhraseStart[n] = known && info.PhraseStart;
            s.Upper[n] = IsPythonUpper(text.Slice(a, b - a));
            n++;
        }
        return n;
    }

    /// <summary>Python's str.isspace: .NET's white space plus the separators U+001C–U+001F.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]   // per character of every text: the call cost more than the test
    private static bool IsPythonWhiteSpace(char c) =>
        c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f') || (c > 127 && char.IsWhiteSpace(c));

    /// <summary>Python's string.punctuation: the ASCII punctuation and symbol characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]   // per character of every text: the call cost more than the test
    private static bool IsAsciiPunctuation(char c) => c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CodePoints(ReadOnlySpan<char> s)
    {
        if (s.Length > 4) return s.Length; // more than two code points whatever the surrogates
        var count = 0;
        for (var k = 0; k < s.Length; k++, count++)
            if (char.IsHighSurrogate(s[k]) && k + 1 < s.Length && char.IsLowSurrogate(s[k + 1])) k++;
        return count;
    }

    /// <summary>Python's str.isupper: at least one upper-case letter and no lower-case or title-case letter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPythonUpper(ReadOnlySpan<char> word)
    {
        var hasUpper = false;
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            if (c < 128)
            {
                if (c is >= 'a' and <= 'z') return false;
                if (c is >= 'A' and <= 'Z') hasUpper = true;
                continue;
            }
            UnicodeCategory category;
            if (char.IsHighSurrogate(c) && k + 1 < word.Length && Rune.TryCreate(c, word[k + 1], out var rune))
            {
                category = Rune.GetUnicodeCategory(rune);
                k++;
            }
            else category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter) return false;
            if (category == UnicodeCategory.UppercaseLetter) hasUpper = true;
        }
        return hasUpper;
    }

    /// <summary>Looks up 1-, 2- and 3-word keys of a frozen dictionary by token spans, joining them in a stack buffer.</summary>
    private sealed class FrozenLookup
    {
        private readonly int maxKeyLength;

        public FrozenLookup(System.Collections.Frozen.FrozenDictionary<string, double> dictionary)
        {
            Single = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
            maxKeyLength = dictionary.Keys.Max(k => k.Length);
        }

        public System.Collections.Frozen.FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Single { get; }

        /// <summary>Whether the <paramref name="count"/> tokens from <paramref name="first"/>, lower-cased and joined by spaces, are a key.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryGet(VaderScratch s, int first, int count, out double value)
        {
            value = 0;
            if (!s.PhraseStart[first]) return false; // no multi-word key starts with this token
            var length = count - 1;
            for (var k = first; k < first + count; k++) length += s.Length[k];
            if (length > maxKeyLength) return false;
            Span<char> buffer = stackalloc char[length];
            var at = 0;
            for (var k = first; k < first + count; k++)
            {
                if (k > first) buffer[at++] = ' ';
                s.Word(k).CopyTo(buffer[at..]);
                at += s.Length[k];
            }
            return Single.TryGetValue(buffer, out value);
        }
    }
}

/// <summary>Per-thread working arrays of <see cref="VaderSentimentAnalyzer"/>: token offsets and per-token facts.</summary>
internal sealed class VaderScratch
{
    public char[] Translated = [];
    public char[] Lower = new char[512];
    public int[] Start = new int[128];
    public int[] Length = new int[128];
    public double[] Lexicon = new double[128];
    public double[] Booster = new double[128];
    public bool[] Negating = new bool[128];
    public bool[] Upper = new bool[128];
    public bool[] PhraseStart = new bool[128];
    public double[] Sentiments = new double[128];

    /// <summary>Grows the arrays for a text of <paramref name="textLength"/> characters (at most one token per two characters).</summary>
    public void Ensure(int textLength)
    {
        if (Lower.Length < textLength) Lower = new char[Math.Max(textLength, Lower.Length * 2)];
        var tokens = textLength / 2 + 1;
        if (Start.Length >= tokens) return;
        tokens = Math.Max(tokens, Start.Length * 2);
        Start = new int[tokens];
        Length = new int[tokens];
        Lexicon = new double[tokens];
        Booster = new double[tokens];
        Negating = new bool[tokens];
        Upper = new bool[tokens];
        PhraseStart = new bool[tokens];
        Sentiments = new double[tokens];
    }

    /// <summary>Token <paramref name="k"/>, lower-cased.</summary>
    public ReadOnlySpan<char> Word(int k) => Lower.AsSpan(Start[k], Length[k]);

    /// <summary>Whether token <paramref name="k"/>, lower-cased, is <paramref name="word"/>.</summary>
    public bool Is(int k, string word) => Length[k] == word.Length && Word(k).SequenceEqual(word);

    /// <summary>allcap_differential: some but not all tokens are ALL CAPS.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool CapsDifferential(int n)
    {
        var caps = 0;
        for (var k = 0; k < n; k++) if (Upper[k]) caps++;
        var differential = n - caps;
        return differential > 0 && differential < n;
    }
}
