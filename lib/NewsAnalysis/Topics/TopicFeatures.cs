using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace NewsAnalysis;

/// <summary>The features of the units, computed with ML.NET: term counts, TF-IDF and its PCA projection.</summary>
internal sealed class TopicFeatureSet
{
    /// <summary>Unigram and bigram counts per unit (terms in at least MinDocumentFrequency units).</summary>
    public required VBuffer<float>[] Counts { get; init; }

    /// <summary>The term of each slot of <see cref="Counts"/> (bigrams joined by a space).</summary>
    public required string[] CountTerms { get; init; }

    /// <summary>L2-normalised TF-IDF vectors (same terms as <see cref="Counts"/>, minus terms in every unit).</summary>
    public required VBuffer<float>[] TfIdf { get; init; }

    /// <summary>Whether each unit has at least one feature term (units without one are not clustered).</summary>
    public required bool[] HasTerms { get; init; }
}

/// <summary>Builds <see cref="TopicFeatureSet"/> and projects TF-IDF vectors with ML.NET's PCA.</summary>
internal static class TopicFeatures
{
    // Token separators: white space and punctuation, but not apostrophes (so "don't" stays one token, "dont").
    // ML.NET's text normaliser deletes punctuation without inserting a space ("U.S.-led" would become "usled"),
    // so the text is split first and each token normalised after.
    private static readonly char[] Separators =
        " \t\n\r\f\v\u00a0.,;:!?\"()[]{}<>/\\|-‐‑–—―_+=*&^%$#@~`“”„«»‹›…•·£€¥©®™°§¶".ToCharArray();

    private sealed class UnitText
    {
        public string Text { get; set; } = "";
    }

    /// <summary>Computes counts and TF-IDF for <paramref name="texts"/>.</summary>
    public static TopicFeatureSet Build(MLContext ml, IReadOnlyList<string> texts, TopicOptions options)
    {
        var stopWords = (options.StopWords ?? TopicStopWords.Default).Select(TopicStopWords.NormaliseWord).Where(w => w.Length > 0).ToArray();
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new UnitText { Text = t }));
        long minDocuments = Math.Max(options.MinDocumentFrequency, (long)Math.Ceiling(options.MinDocumentShare * texts.Count));
        var pipeline = ml.Transforms.Text.TokenizeIntoWords("Tokens", nameof(UnitText.Text), Separators)
            .Append(ml.Transforms.Text.NormalizeText("Tokens", "Tokens", TextNormalizingEstimator.CaseMode.Lower,
                keepDiacritics: false, keepPunctuations: false, keepNumbers: false))
            .Append(ml.Transforms.Text.RemoveStopWords("Tokens", "Tokens", stopWords))
            .Append(ml.Transforms.Conversion.MapValueToKey("TokenKeys", "Tokens"))
            // Each trainable step below reads the data again: cache so tokenising and n-grams run once, not per step,
            // keeping only the token keys in the cache (not the texts and token strings).
            .Append(ml.Transforms.SelectColumns("TokenKeys"))
            .AppendCacheCheckpoint(ml)
            .Append(ml.Transforms.Text.ProduceNgrams("AllCounts", "TokenKeys", ngramLength: 2, useAllLengths: true,
                maximumNgramsCount: 10_000_000, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
            .Append(ml.Transforms.Text.ProduceNgrams("AllTfIdf", "TokenKeys", ngramLength: 2, useAllLengths: true,
                maximumNgramsCount: 10_000_000, weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
            .Append(ml.Transforms.DropColumns("TokenKeys"))
            .AppendCacheCheckpoint(ml)
            // Document-frequency floor: a slot is kept when at least this many units have a non-zero value.
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("Counts", "AllCounts", minDocuments))
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("TfIdfRaw", "AllTfIdf", minDocuments))
            .Append(ml.Transforms.NormalizeLpNorm("TfIdf", "TfIdfRaw", LpNormNormalizingEstimatorBase.NormFunction.L2));
        var transformed = pipeline.Fit(data).Transform(data);
        var (counts, tfidf) = ReadVectors(transformed, "Counts", "TfIdf");
        return new TopicFeatureSet
        {
            Counts = counts,
            CountTerms = SlotNames(transformed.Schema["Counts"]),
            TfIdf = tfidf,
            HasTerms = tfidf.Select(v => v.GetValues().ToArray().Any(x => x != 0)).ToArray(),
        };
    }

    /// <summary>
    /// Projects vectors onto their first <paramref name="rank"/> principal components with ML.NET's randomized PCA
    /// (mean-centred implicitly, so sparse input stays sparse). Components come back in ML.NET's order; callers
    /// that need them by variance use <see cref="OrderByVariance"/>.
    /// </summary>
    /// <remarks>
    /// ML.NET's PCA rather than a hand-written power iteration: it is seeded (repeatable), takes ML.NET's sparse
    /// vectors as they are, and serves both the clustering space and the 2-D map. Its cost grows with the number of
    /// terms (measured: about 13 s for 330,000 terms over 100,000 paragraphs, 2 s for 18,000), which is why the
    /// features have a proportional document-frequency floor.
    /// </remarks>
    public static float[][] Project(MLContext ml, IReadOnlyList<VBuffer<float>> vectors, int rank, int seed)
    {
        int size = vectors[0].Length;
        var schema = SchemaDefinition.Create(typeof(VectorRow));
        schema[nameof(VectorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        var data = ml.Data.LoadFromEnumerable(vectors.Select(v => new VectorRow { Features = v }), schema);
        var pca = ml.Transforms.ProjectToPrincipalComponents("Projected", nameof(VectorRow.Features), rank: rank,
            overSampling: 20, ensureZeroMean: true, seed: seed);
        var projected = pca.Fit(data).Transform(data);
        return projected.GetColumn<float[]>("Projected").ToArray();
    }

    /// <summary>Reorders the columns of <paramref name="rows"/> by decreasing variance (in place) and returns the variances in that order.</summary>
    public static double[] OrderByVariance(float[][] rows)
    {
        int d = rows[0].Length;
        var variance = new double[d];
        for (int j = 0; j < d; j++)
        {
            double mean = rows.Average(r => (double)r[j]);
            variance[j] = rows.Sum(r => (r[j] - mean) * (r[j] - mean)) / rows.Length;
        }
        var order = Enumerable.Range(0, d).OrderByDescending(j => variance[j]).ThenBy(j => j).ToArray();
        foreach (var r in rows)
        {
            var copy = (float[])r.Clone();
            for (int j = 0; j < d; j++) r[j] = copy[order[j]];
        }
        return order.Select(j => variance[j]).ToArray();
    }

    /// <summary>
    /// Reads two vector columns in one pass. Each row is copied: ML.NET cursors reuse their buffers, so vectors
    /// kept without a copy would share (and overwrite) the same arrays.
    /// </summary>
    private static (VBuffer<float>[], VBuffer<float>[]) ReadVectors(IDataView view, string first, string second)
    {
        var a = view.Schema[first];
        var b = view.Schema[second];
        using var cursor = view.GetRowCursor([a, b]);
        var getA = cursor.GetGetter<VBuffer<float>>(a);
        var getB = cursor.GetGetter<VBuffer<float>>(b);
        var listA = new List<VBuffer<float>>();
        var listB = new List<VBuffer<float>>();
        VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            getA(ref buffer);
            VBuffer<float> copyA = default;
            buffer.CopyTo(ref copyA);
            listA.Add(copyA);
            getB(ref buffer);
            VBuffer<float> copyB = default;
            buffer.CopyTo(ref copyB);
            listB.Add(copyB);
        }
        return (listA.ToArray(), listB.ToArray());
    }

    private sealed class VectorRow
    {
        public VBuffer<float> Features { get; set; }
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
