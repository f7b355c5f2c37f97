using System.Buffers;
using Microsoft.ML.Data;

namespace NewsAnalysis;

/// <summary>The features of the units: unigram and bigram counts and sublinear TF-IDF.</summary>
internal sealed class TopicFeatureSet
{
    /// <summary>Unigram and bigram counts per unit (terms in at least MinDocumentFrequency units).</summary>
    public required VBuffer<float>[] Counts { get; init; }

    /// <summary>The term of each slot of <see cref="Counts"/> (bigrams joined by a space).</summary>
    public required string[] CountTerms { get; init; }

    /// <summary>L2-normalised sublinear TF-IDF vectors over the same terms as <see cref="Counts"/>.</summary>
    public required VBuffer<float>[] TfIdf { get; init; }

    /// <summary>Whether each unit has at least one feature term (units without one are not clustered).</summary>
    public required bool[] HasTerms { get; init; }
}

/// <summary>Builds <see cref="TopicFeatureSet"/>.</summary>
internal static class TopicFeatures
{
    // Token separators: white space and punctuation, but not apostrophes (so "don't" stays one token, "dont").
    // ML.NET's text normaliser deletes punctuation without inserting a space ("U.S.-led" would become "usled"),
    // so the text is split first and each token normalised after.
    internal static readonly char[] Separators =
        " \t\n\r\f\v\u00a0.,;:!?\"()[]{}<>/\\|-‐‑–—―_+=*&^%$#@~`“”„«»‹›…•·£€¥©®™°§¶".ToCharArray();

    internal static readonly SearchValues<char> SeparatorValues = SearchValues.Create(Separators);

    /// <summary>
    /// Computes counts and TF-IDF for <paramref name="texts"/>, leaving out <paramref name="extraStopWords"/> (the corpus's
    /// boilerplate) as well as the options' stop words.
    /// </summary>
    /// <remarks>
    /// The same counts as ML.NET's <c>TokenizeIntoWords → NormalizeText → RemoveStopWords → MapValueToKey →
    /// ProduceNgrams(2, all lengths) → SelectFeaturesBasedOnCount</c> pipeline, slot for slot (a test holds it to that
    /// pipeline on the seed articles and BBC rows), written here because that pipeline cost two thirds of a BBC fit and
    /// most of a 100,000-paragraph one: it normalises every token through its generic text machinery, runs the data
    /// through two cached passes, and cannot use both cores deterministically. Here units are tokenised in parallel
    /// (each unit by one thread, into its own slot) and the vocabulary is numbered afterwards in unit order, as
    /// ML.NET's key mapping numbers it (by first occurrence).
    /// </remarks>
    /// <exception cref="ArgumentException">When fewer than two distinct terms are left after stop words (the message says how many, and which).</exception>
    public static TopicFeatureSet Build(IReadOnlyList<string> texts, TopicOptions options, IEnumerable<string>? extraStopWords = null)
    {
        var stopWords = (options.StopWords ?? TopicStopWords.Default).Concat(extraStopWords ?? [])
            .Select(TopicStopWords.NormaliseWord).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        long minDocuments = Math.Max(options.MinDocumentFrequency, (long)Math.Ceiling(options.MinDocumentShare * texts.Count));
        var tokens = new string[texts.Count][];
        TopicParallel.ForRanges(texts.Count, i => tokens[i] = Tokens(texts[i], stopWords), chunk: 64);
        // Words numbered by first occurrence over the units in order.
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        var ids = new int[texts.Count][];
        for (int i = 0; i < tokens.Length; i++)
        {
            var unit = tokens[i];
            var row = new int[unit.Length];
            for (int t = 0; t < unit.Length; t++)
            {
                if (!wordIds.TryGetValue(unit[t], out int id))
                {
                    id = words.Count;
                    wordIds.Add(unit[t], id);
                    words.Add(unit[t]);
                }
                row[t] = id;
            }
            ids[i] = row;
            tokens[i] = null!; // the strings are no longer needed
        }
        if (words.Count < 2) throw TooFewTerms(words.ToArray(), texts.Count, options.Unit.ToString().ToLowerInvariant());
        // N-grams (a word: its id; a pair: both ids) numbered by first occurrence, each position giving the pair it closes
        // then its word, as ML.NET's n-gram pool numbers them; document frequencies counted on the way.
        var gramIds = new Dictionary<long, int>(MixedLongComparer.Instance);
        var grams = new List<long>();
        var df = new List<int>();
        var lastUnit = new List<int>();
        for (int i = 0; i < ids.Length; i++)
        {
            var row = ids[i];
            for (int t = 0; t < row.Length; t++)
            {
                if (t > 0) Count(Bigram(row[t - 1], row[t]), i);
                Count(Unigram(row[t]), i);
            }
        }
        // The document-frequency floor; kept slots keep their order.
        var slot = new int[grams.Count];
        var kept = new List<long>();
        for (int g = 0; g < grams.Count; g++)
        {
            slot[g] = df[g] >= minDocuments ? kept.Count : -1;
            if (slot[g] >= 0) kept.Add(grams[g]);
        }
        var counts = new VBuffer<float>[ids.Length];
        TopicParallel.ForRanges(ids.Length, i =>
        {
            var row = ids[i];
            var unitCounts = new Dictionary<int, int>();
            for (int t = 0; t < row.Length; t++)
            {
                if (t > 0) Add(gramIds[Bigram(row[t - 1], row[t])]);
                Add(gramIds[Unigram(row[t])]);
            }
            var indices = unitCounts.Keys.ToArray();
            Array.Sort(indices);
            var values = indices.Select(x => (float)unitCounts[x]).ToArray();
            counts[i] = new VBuffer<float>(kept.Count, indices.Length, values, indices);

            void Add(int gram)
            {
                int s = slot[gram];
                if (s >= 0) unitCounts[s] = unitCounts.GetValueOrDefault(s) + 1;
            }
        }, chunk: 64);
        var tfidf = SublinearTfIdf(counts);
        return new TopicFeatureSet
        {
            Counts = counts,
            CountTerms = kept.Select(g => g < 0 ? words[(int)(g & 0xFFFFFFFF)] : words[(int)(g >> 32)] + " " + words[(int)(g & 0xFFFFFFFF)]).ToArray(),
            TfIdf = tfidf,
            HasTerms = tfidf.Select(v => v.GetValues().IndexOfAnyExcept(0f) >= 0).ToArray(),
        };

        void Count(long gram, int unit)
        {
            if (!gramIds.TryGetValue(gram, out int g))
            {
                g = grams.Count;
                gramIds.Add(gram, g);
                grams.Add(gram);
                df.Add(0);
                lastUnit.Add(-1);
            }
            if (lastUnit[g] != unit)
            {
                lastUnit[g] = unit;
                df[g]++;
            }
        }
    }

    // long's own hash is high ^ low, so the bigrams (a, b) and (b, a), and every pair with the same XOR, collide: on BBC
    // that made the n-gram dictionary chains 15 deep. Fibonacci hashing mixes all the bits.
    private sealed class MixedLongComparer : IEqualityComparer<long>
    {
        public static readonly MixedLongComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long obj) => (int)(((ulong)obj * 0x9E3779B97F4A7C15UL) >> 32);
    }

    // A unigram is keyed by its word id with the sign bit set; a bigram by both ids.
    private static long Unigram(int word) => long.MinValue | (uint)word;

    private static long Bigram(int first, int second) => ((long)first << 32) | (uint)second;

    /// <summary>
    /// The tokens of <paramref name="text"/> as ML.NET's <c>TokenizeIntoWords</c> (on <see cref="Separators"/>) and
    /// <c>NormalizeText</c> (lower case, no diacritics, no punctuation, no digits) make them, tokens left empty and stop
    /// words dropped.
    /// </summary>
    internal static string[] Tokens(string text, IReadOnlySet<string> stopWords)
    {
        var result = new List<string>();
        Span<char> buffer = stackalloc char[64];
        foreach (var range in text.AsSpan().SplitAny(SeparatorValues))
        {
            var token = text.AsSpan(range);
            if (token.IsEmpty) continue;
            var normal = Normalise(token, buffer);
            if (normal is null || stopWords.Contains(normal)) continue;
            result.Add(normal);
        }
        return result.ToArray();
    }

    // Lower case, diacritics, punctuation and digits removed (null when nothing is left). ASCII tokens, nearly all of
    // them, take the short path.
    private static string? Normalise(ReadOnlySpan<char> token, Span<char> buffer)
    {
        if (!System.Text.Ascii.IsValid(token)) return NormaliseUnicode(token.ToString());
        Span<char> target = token.Length <= buffer.Length ? buffer : new char[token.Length];
        int length = 0;
        foreach (var c in token)
        {
            if (c is >= 'a' and <= 'z') target[length++] = c;
            else if (c is >= 'A' and <= 'Z') target[length++] = (char)(c + 32);
            else if (!char.IsPunctuation(c) && !char.IsDigit(c)) target[length++] = c;
        }
        return length == 0 ? null : new string(target[..length]);
    }

    private static string? NormaliseUnicode(string token)
    {
        var decomposed = token.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsPunctuation(c) || char.IsDigit(c)) continue;
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c);
        }
        return sb.Length == 0 ? null : sb.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>
    /// A quick look, before the features, for two distinct words that are not stop words (on ordinary text: in the
    /// first unit). Degenerate input — a million sentences of one stop word — is refused in one pass over the text
    /// instead of after every unit has been tokenised; <see cref="Build"/> still checks its own vocabulary.
    /// </summary>
    /// <exception cref="ArgumentException">When fewer than two distinct words are left.</exception>
    public static void RequireTwoWords(IEnumerable<string> texts, IReadOnlyCollection<string> stopWords, string unitName)
    {
        var stop = stopWords.Select(TopicStopWords.NormaliseWord).ToHashSet(StringComparer.Ordinal);
        string? first = null;
        int units = 0;
        foreach (var text in texts)
        {
            units++;
            foreach (var word in TopicBoilerplate.Words(text))
            {
                if (stop.Contains(word) || word == first) continue;
                if (first is not null) return;
                first = word;
            }
        }
        throw TooFewTerms(first is null ? [] : [first], units, unitName);
    }

    private static ArgumentException TooFewTerms(string[] names, int units, string unitName)
    {
        string what = units == 1 ? $"the 1 {unitName} has" : $"the {units:N0} {unitName}s have";
        return new ArgumentException(names.Length == 0
            ? $"{what} no term left after stop words; topic modelling needs at least 2 distinct terms."
            : $"{what} only 1 distinct term after stop words ('{names[0]}'); topic modelling needs at least 2.");
    }

    /// <summary>
    /// TF-IDF as scikit-learn's <c>TfidfVectorizer(sublinear_tf=True)</c> weighs terms: (1 + ln tf) × (ln((1 + n) /
    /// (1 + df)) + 1), each row scaled to unit length. Written here because ML.NET's n-gram weighting has no sublinear
    /// term frequency (a term said ten times would weigh ten times one said once) and its IDF gives a term in every
    /// unit a weight of 0; computed from the counts already read, it also saves ML.NET a second n-gram pass.
    /// </summary>
    internal static VBuffer<float>[] SublinearTfIdf(IReadOnlyList<VBuffer<float>> counts)
    {
        int size = counts.Count == 0 ? 0 : counts[0].Length;
        var df = new int[size];
        foreach (var row in counts)
            foreach (var (index, value) in row.Items())
                if (value != 0) df[index]++;
        var idf = df.Select(d => (float)(Math.Log((1.0 + counts.Count) / (1.0 + d)) + 1)).ToArray();
        var result = new VBuffer<float>[counts.Count];
        for (int r = 0; r < counts.Count; r++)
        {
            var indices = new List<int>();
            var values = new List<float>();
            foreach (var (index, value) in counts[r].Items())
            {
                if (value == 0) continue;
                indices.Add(index);
                values.Add((1 + MathF.Log(value)) * idf[index]);
            }
            var weights = values.ToArray();
            float norm = weights.Length == 0 ? 0 : System.Numerics.Tensors.TensorPrimitives.Norm(weights);
            if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(weights, norm, weights);
            result[r] = new VBuffer<float>(size, weights.Length, weights, indices.ToArray());
        }
        return result;
    }
}
