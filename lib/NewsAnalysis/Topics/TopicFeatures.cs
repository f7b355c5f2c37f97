using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace NewsAnalysis;

/// <summary>The features of the units: term counts (ML.NET) and sublinear TF-IDF.</summary>
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

    private sealed class UnitText
    {
        public string Text { get; set; } = "";
    }

    /// <summary>
    /// Computes counts and TF-IDF for <paramref name="texts"/>, leaving out <paramref name="extraStopWords"/> (the corpus's
    /// boilerplate) as well as the options' stop words.
    /// </summary>
    /// <exception cref="ArgumentException">When fewer than two distinct terms are left after stop words (the message says how many, and which).</exception>
    public static TopicFeatureSet Build(MLContext ml, IReadOnlyList<string> texts, TopicOptions options, IEnumerable<string>? extraStopWords = null)
    {
        var stopWords = (options.StopWords ?? TopicStopWords.Default).Concat(extraStopWords ?? [])
            .Select(TopicStopWords.NormaliseWord).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new UnitText { Text = t }));
        long minDocuments = Math.Max(options.MinDocumentFrequency, (long)Math.Ceiling(options.MinDocumentShare * texts.Count));
        // Tokens first, on their own: a vocabulary of fewer than two terms would otherwise surface as ML.NET's internal
        // schema errors ("Variable length column ... is not allowed", "expected known-size vector of two or more items").
        var tokens = ml.Transforms.Text.TokenizeIntoWords("Tokens", nameof(UnitText.Text), Separators)
            .Append(ml.Transforms.Text.NormalizeText("Tokens", "Tokens", TextNormalizingEstimator.CaseMode.Lower,
                keepDiacritics: false, keepPunctuations: false, keepNumbers: false))
            .Append(ml.Transforms.Text.RemoveStopWords("Tokens", "Tokens", stopWords))
            .Append(ml.Transforms.Conversion.MapValueToKey("TokenKeys", "Tokens"))
            // The n-gram step reads the data again: cache so tokenising runs once, keeping only the token keys.
            .Append(ml.Transforms.SelectColumns("TokenKeys"))
            .AppendCacheCheckpoint(ml)
            .Fit(data);
        var keyed = tokens.Transform(data);
        RequireTwoTerms(keyed.Schema["TokenKeys"], texts.Count, options.Unit.ToString().ToLowerInvariant());
        var counting = ml.Transforms.Text.ProduceNgrams("AllCounts", "TokenKeys", ngramLength: 2, useAllLengths: true,
                maximumNgramsCount: 10_000_000, weighting: NgramExtractingEstimator.WeightingCriteria.Tf)
            .Append(ml.Transforms.DropColumns("TokenKeys"))
            .AppendCacheCheckpoint(ml)
            // Document-frequency floor: a slot is kept when at least this many units have a non-zero value.
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("Counts", "AllCounts", minDocuments));
        var transformed = counting.Fit(keyed).Transform(keyed);
        var counts = ReadVectors(transformed, "Counts");
        var tfidf = SublinearTfIdf(counts);
        return new TopicFeatureSet
        {
            Counts = counts,
            CountTerms = SlotNames(transformed.Schema["Counts"]),
            TfIdf = tfidf,
            HasTerms = tfidf.Select(v => v.GetValues().ToArray().Any(x => x != 0)).ToArray(),
        };
    }

    /// <summary>
    /// A quick look, before ML.NET, for two distinct words that are not stop words (on ordinary text: in the first
    /// unit). Degenerate input — a million sentences of one stop word — is refused in one pass over the text instead of
    /// after ML.NET has tokenised every unit; <see cref="RequireTwoTerms"/> still checks ML.NET's own vocabulary.
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
    /// Throws when the units' vocabulary after stop words has fewer than two terms: nothing can be told apart then,
    /// and ML.NET's n-gram and PCA steps would fail with internal messages.
    /// </summary>
    private static void RequireTwoTerms(DataViewSchema.Column keys, int units, string unitName)
    {
        var names = KeyNames(keys);
        if (names.Length < 2) throw TooFewTerms(names, units, unitName);
    }

    private static string[] KeyNames(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull("KeyValues") is null) return [];
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetKeyValues(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
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

    /// <summary>
    /// Reads a vector column. Each row is copied: ML.NET cursors reuse their buffers, so vectors kept without a copy
    /// would share (and overwrite) the same arrays.
    /// </summary>
    private static VBuffer<float>[] ReadVectors(IDataView view, string name)
    {
        var column = view.Schema[name];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var rows = new List<VBuffer<float>>();
        VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            VBuffer<float> copy = default;
            buffer.CopyTo(ref copy);
            rows.Add(copy);
        }
        return rows.ToArray();
    }

    private static string[] SlotNames(DataViewSchema.Column column)
    {
        // A floor that leaves no term gives a column without slot names.
        if (column.Annotations.Schema.GetColumnOrNull("SlotNames") is null) return [];
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        var dense = names.DenseValues().Select(n => n.ToString().Replace('|', ' ')).ToArray();
        return dense;
    }
}
