using Microsoft.ML;
using Microsoft.ML.Data;

namespace NewsAnalysis;

/// <summary>
/// Clusters a corpus's articles, paragraphs or sentences into topics: features (ML.NET tokens, stop words and the
/// corpus's boilerplate left out, unigrams and bigrams, sublinear TF-IDF), then k-means on a truncated SVD (latent
/// semantic analysis), LDA on counts, or k-means on MiniLM sentence embeddings; labels topics by class-based TF-IDF and
/// places units on a 2-D map. Deterministic for a given seed.
/// </summary>
public static class TopicModeler
{
    /// <summary>Fits a topic model to <paramref name="corpus"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range (the message names it).</exception>
    /// <remarks>
    /// Input that cannot be split cannot be clustered: fewer than two units with terms left after the
    /// document-frequency floor (one paragraph, say), a single term above the floor, or units that are all alike. The
    /// model then has one topic (<see cref="TopicModel.K"/> = 1) holding every unit with a term, labelled with the reason
    /// ("one topic: too few paragraphs to cluster (n of N with terms shared by 2)"), and <see cref="TopicModel.KNote"/> says so.
    /// </remarks>
    /// <exception cref="ArgumentException">When the corpus has no unit at all, or fewer than two distinct terms after stop words (the message says which).</exception>
    public static TopicModel Fit(NewsCorpus corpus, TopicOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= TopicOptions.Default;
        options.Validate();
        var units = TopicUnitText.From(corpus, options.Unit);
        if (units.Count == 0)
            throw new ArgumentException($"Topic modelling needs at least one {options.Unit.ToString().ToLowerInvariant()}; the corpus has none.", nameof(corpus));
        string unitName = options.Unit.ToString().ToLowerInvariant();
        TopicFeatures.RequireTwoWords(units.Select(u => u.Text), options.StopWords ?? TopicStopWords.Default, unitName);
        if (units.Count < 2) return SingleTopic(corpus, options, units, TooFew(options, unitName, 0, units.Count));

        var phases = new TopicPhaseTimer();
        var stopWords = options.StopWords ?? TopicStopWords.Default;
        var boilerplate = options.DropBoilerplate
            ? TopicBoilerplate.Find(corpus, stopWords.Select(TopicStopWords.NormaliseWord).ToHashSet(StringComparer.Ordinal), options.BoilerplateMinArticles)
            : [];
        phases.Mark("boilerplate");
        var features = TopicFeatures.Build(units.Select(u => u.Text).ToList(), options, boilerplate.Select(b => b.Term));
        phases.Mark("features");
        var live = Enumerable.Range(0, units.Count).Where(i => features.HasTerms[i]).ToArray();
        if (live.Length < 2) return SingleTopic(corpus, options, units, TooFew(options, unitName, live.Length, units.Count), boilerplate);
        if (features.CountTerms.Length < 2)
            return SingleTopic(corpus, options, units, $"only 1 term ('{features.CountTerms[0]}') is in {options.MinDocumentFrequency} or more {unitName}s", boilerplate);

        // Units with equal feature rows (copies of one text, or texts differing only in words the features leave out) are
        // one point weighted by their number from here on: SVD, map, k-means, silhouette and the choice of k see each
        // group once, as if its units were there (issue #15: 10,000 copies of one article cost what one costs).
        var rowGroups = TopicGroups.OfRows(live.Select(i => features.TfIdf[i]).ToList());
        if (rowGroups.Count < 2) return SingleTopic(corpus, options, units, SameTerms(live.Length, unitName), boilerplate);
        var groups = options.Method == TopicMethod.Embeddings ? TopicGroups.OfTexts(live.Select(i => units[i].Text).ToList()) : rowGroups;
        double[]? weights = groups.AllSingle ? null : groups.Weights;
        float[][] points;
        if (options.Method == TopicMethod.Embeddings)
        {
            // BERTopic-style: sentence embeddings, centred and reduced (PCA), then unit length for k-means.
            var (vectors, cached) = TopicEmbeddings.Embed(groups.First.Select(g => units[live[g]].Text).ToList(), options.EmbeddingWords,
                options.EmbeddingCache ?? TopicEmbeddings.DefaultCache);
            phases.Mark($"embeddings ({cached:N0} of {groups.Count:N0} cached)");
            points = TopicSvd.PrincipalComponents(vectors, Math.Min(options.Dimensions, Math.Max(2, groups.Count - 1)), weights);
        }
        else
        {
            // Latent semantic analysis: a truncated SVD of the TF-IDF vectors; each row is then scaled to unit length so
            // Euclidean k-means ranks neighbours as cosine similarity would.
            int rank = Math.Max(2, Math.Min(options.Dimensions, Math.Min(groups.Count - 1, features.TfIdf[0].Length)));
            points = TopicSvd.Project(groups.First.Select(g => features.TfIdf[live[g]]).ToList(), rank, options.Seed, weights);
        }
        phases.Mark(options.Method == TopicMethod.Embeddings ? "reduction" : "svd");
        var map = groups.Expand(TopicSvd.Map(points, weights));
        var projected = groups.Expand(points);   // per unit with terms, for a saved model's projection (SavedTopicModel)
        points = points.Select(UnitLength).ToArray();
        phases.Mark("map");
        // k-means cannot make more clusters than there are distinct points (copies of one text, say).
        int distinct = TopicClustering.DistinctPoints(points, Math.Max(options.MaxK, options.K ?? 0) + 1);
        if (distinct < 2) return SingleTopic(corpus, options, units, SameTerms(live.Length, unitName), boilerplate);

        int maxK = Math.Min(AutomaticMaxK(options, live.Length), Math.Max(options.MinK, distinct));
        var scores = new List<TopicKScore>();
        TopicKMeansRun? chosen = null;
        string? kNote = null;
        string? kReason = null;
        int k;
        if (options.K is { } given)
        {
            k = Math.Min(given, live.Length);
            if (k < given) kNote = $"k = {given} asks for more topics than the {live.Length} units with terms; k = {k} was used.";
            if (k > distinct)
            {
                kNote = $"k = {given} asks for more topics than the {distinct} distinct units (the others repeat them); k = {distinct} was used.";
                k = distinct;
            }
        }
        else if (maxK < options.MinK || distinct <= options.MinK)
        {
            k = Math.Min(options.MinK, Math.Min(live.Length, distinct));
        }
        else
        {
            // The silhouette's seeded sample is drawn from the units; units of one group count as copies of its point.
            var sample = TopicClustering.Sample(live.Length, options.SilhouetteSample, options.Seed);
            var (sampleGroups, sampleCounts) = SampleGroups(groups, sample);
            var distances = TopicClustering.Distances(points, sampleGroups);
            var ks = Enumerable.Range(options.MinK, maxK - options.MinK + 1).ToArray();
            var runs = TopicClustering.KMeans(points, weights, ks, options);
            foreach (var run in runs)
            {
                var sampleLabels = sampleGroups.Select(g => run.Labels[g]).ToArray();
                double silhouette = TopicClustering.Silhouette(distances, sampleLabels, sampleCounts, run.K);
                scores.Add(new TopicKScore(run.K, silhouette, TopicClustering.DaviesBouldin(points, run.Labels, run.K, weights), run.Inertia));
            }
            int peak = TopicClustering.FirstPeak(scores.Select(x => x.Silhouette).ToList());
            chosen = runs[peak];
            k = chosen.K;
            kReason = TopicKChoice.Reason(scores, peak);
            // The first peak at the top of the range means the silhouette never fell: a larger k might score better.
            if (k == maxK && maxK == options.MinK)
                kNote = $"automatic k = {k} is the only k tried: {live.Length} units allow no more (at most √(units/2)); give k explicitly to compare others.";
            else if (k == maxK)
                kNote = $"automatic k = {k} is the largest k tried ({options.MinK}..{maxK}{(maxK < options.MaxK ? $", the most {live.Length} units allow" : "")}): the silhouette did not peak below it, so give k explicitly to compare others.";
            if (TopicKChoice.FlatNote(scores, k) is { } flat) kNote = kNote is null ? flat : flat + " " + kNote;
            phases.Mark("choose k");
        }

        int[] rawLabels;
        double[] confidence;
        if (options.Method == TopicMethod.Lda)
        {
            (rawLabels, confidence) = TopicLda.Fit(live.Select(i => features.Counts[i]).ToList(), features.CountTerms, k, options);
        }
        else
        {
            chosen ??= TopicClustering.KMeans(points, weights, k, options);
            if (scores.Count == 0)
                scores.Add(new TopicKScore(k, double.NaN, TopicClustering.DaviesBouldin(points, chosen.Labels, k, weights), chosen.Inertia));
            rawLabels = groups.Expand(chosen.Labels);
            confidence = groups.Expand(points.Select((p, g) => Cosine(p, chosen.Centroids[chosen.Labels[g]])).ToArray());
        }
        phases.Mark(options.Method == TopicMethod.Lda ? "lda" : "k-means");
        var model = Assemble(corpus, options, units, features, live, rawLabels, confidence, map, scores, k);
        phases.Mark("terms and labels");
        model.Phases = phases.Phases;
        model.KNote = kNote;
        model.KReason = kReason;
        model.Boilerplate = boilerplate;
        // What a saved model needs to assign new units later (SavedTopicModel): k-means on the SVD only.
        if (options.Method == TopicMethod.KMeans && chosen is not null)
            model.FitState = new TopicFitState(features, live, projected, chosen.Centroids, rawLabels);
        return model;
    }

    /// <summary>
    /// The largest k the automatic choice tries for <paramref name="units"/> units with terms: <see cref="TopicOptions.MaxK"/>,
    /// at most units − 1, and at most ⌊√(units / 2)⌋ (the rule-of-thumb number of clusters; never below
    /// <see cref="TopicOptions.MinK"/>), so a handful of units is not split into as many topics as the range allows.
    /// </summary>
    public static int AutomaticMaxK(TopicOptions options, int units)
    {
        ArgumentNullException.ThrowIfNull(options);
        int ruleOfThumb = Math.Max(options.MinK, (int)Math.Floor(Math.Sqrt(units / 2.0)));
        return Math.Min(Math.Min(options.MaxK, units - 1), ruleOfThumb);
    }

    private static string SameTerms(int units, string unitName) => $"the {units:N0} {unitName}s with terms hold the same terms in the same proportions";

    /// <summary>The distinct groups of the sampled units (in order of first appearance) and how many sampled units each holds; null counts when each holds one.</summary>
    private static (int[] Groups, double[]? Counts) SampleGroups(TopicGroups groups, int[] sample)
    {
        if (groups.AllSingle) return (sample, null);
        var index = new Dictionary<int, int>();
        var order = new List<int>();
        var counts = new List<double>();
        foreach (var unit in sample)
        {
            int g = groups.GroupOf[unit];
            if (!index.TryGetValue(g, out int at))
            {
                index[g] = at = order.Count;
                order.Add(g);
                counts.Add(0);
            }
            counts[at]++;
        }
        return (order.ToArray(), counts.ToArray());
    }

    // Fewer than two units with terms above the document-frequency floor cannot be clustered: every unit goes to one
    // topic (k = 1), its terms counted without the floor, and the label says why, so notebooks and reports on a tiny
    // corpus (one paragraph) still run.
    private static string TooFew(TopicOptions options, string unitName, int shared, int units) =>
        $"too few {unitName}s to cluster ({shared} of {units} with terms shared by {options.MinDocumentFrequency})";

    private static TopicModel SingleTopic(NewsCorpus corpus, TopicOptions options, List<TopicUnitText> units, string why,
        IReadOnlyList<TopicBoilerplateTerm>? boilerplate = null)
    {
        var relaxed = options with { MinDocumentFrequency = 1, MinDocumentShare = 0 };
        var features = TopicFeatures.Build(units.Select(u => u.Text).ToList(), relaxed, boilerplate?.Select(b => b.Term));
        // Counts, not TF-IDF: a term in every unit (all of them, for one unit) has zero TF-IDF weight.
        var live = Enumerable.Range(0, units.Count).Where(i => features.Counts[i].GetValues().ToArray().Any(x => x != 0)).ToArray();
        var scores = new List<TopicKScore> { new(1, double.NaN, double.NaN, 0) };
        var label = $"one topic: {why}";
        var model = Assemble(corpus, options, units, features, live, new int[live.Length],
            Enumerable.Repeat(1.0, live.Length).ToArray(), new (double X, double Y)[live.Length], scores, 1, label);
        model.Boilerplate = boilerplate ?? [];
        model.KNote = $"one topic only: {why}.";
        return model;
    }

    private static TopicModel Assemble(NewsCorpus corpus, TopicOptions options, List<TopicUnitText> units, TopicFeatureSet features,
        int[] live, int[] rawLabels, double[] confidence, (double X, double Y)[] map, List<TopicKScore> scores, int k, string? label = null)
    {
        // Number topics by decreasing size (ties: the topic whose first unit comes first), dropping empty ones.
        var order = Enumerable.Range(0, k)
            .Select(c => (c, Size: rawLabels.Count(l => l == c), First: Array.IndexOf(rawLabels, c)))
            .Where(x => x.Size > 0)
            .OrderByDescending(x => x.Size).ThenBy(x => x.First)
            .Select(x => x.c).ToList();
        var renumber = order.Select((raw, id) => (raw, id)).ToDictionary(x => x.raw, x => x.id);
        int topics = order.Count;

        var topicOfUnit = Enumerable.Repeat(-1, units.Count).ToArray();
        var confidenceOfUnit = new double[units.Count];
        var mapOfUnit = new (double X, double Y)[units.Count];
        for (int j = 0; j < live.Length; j++)
        {
            topicOfUnit[live[j]] = renumber[rawLabels[j]];
            confidenceOfUnit[live[j]] = confidence[j];
            mapOfUnit[live[j]] = map[j];
        }
        var terms = TopicTerms.Top(features.Counts, features.CountTerms, topicOfUnit, topics, options.TopTerms);
        var labels = terms.Select(t => label ?? TopicTerms.Label(t, options.LabelTerms)).ToArray();
        var assignments = units.Select((u, i) => new TopicAssignment(u.Article.Id, u.Unit, topicOfUnit[i],
            topicOfUnit[i] < 0 ? "(no terms)" : labels[topicOfUnit[i]], confidenceOfUnit[i], mapOfUnit[i].X, mapOfUnit[i].Y, u.Text)).ToList();
        var infos = Enumerable.Range(0, topics).Select(t =>
        {
            var members = assignments.Where(a => a.Topic == t).ToList();
            var representatives = members.Select((a, i) => (a, i)).OrderByDescending(x => x.a.Confidence).ThenBy(x => x.i)
                .Take(options.Representatives).Select(x => x.a).ToList();
            return new TopicInfo(t, labels[t], members.Count, terms[t], representatives);
        }).ToList();
        return new TopicModel(corpus, options, k, assignments, infos, scores);
    }

    private static float[] UnitLength(float[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return norm > 0 ? v.Select(x => (float)(x / norm)).ToArray() : (float[])v.Clone();
    }

    private static double Cosine(float[] a, float[] b)
    {
        double na = Math.Sqrt(a.Sum(x => (double)x * x)), nb = Math.Sqrt(b.Sum(x => (double)x * x));
        return na > 0 && nb > 0 ? System.Numerics.Tensors.TensorPrimitives.Dot(a, b) / (na * nb) : 0;
    }
}

/// <summary>Wall-clock and process CPU time of each phase of a fit (for benchmarks).</summary>
internal sealed class TopicPhaseTimer
{
    private readonly System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan cpu = CpuNow();

    public List<TopicPhase> Phases { get; } = [];

    public void Mark(string phase)
    {
        var now = CpuNow();
        Phases.Add(new TopicPhase(phase, watch.Elapsed, now - cpu));
        cpu = now;
        watch.Restart();
    }

    private static TimeSpan CpuNow()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}

/// <summary>One unit to cluster: its article, index and text.</summary>
internal sealed record TopicUnitText(Article Article, int Unit, string Text)
{
    /// <summary>The units of every article, in corpus order.</summary>
    public static List<TopicUnitText> From(NewsCorpus corpus, TopicUnit unit) => unit switch
    {
        // The title is part of the article unit; when an input has no separate title line the title is the text's
        // start (or the whole text, for one-line records) and is not repeated.
        TopicUnit.Article => corpus.Articles.Select(a => new TopicUnitText(a, 0,
            a.Text.StartsWith(a.Title, StringComparison.Ordinal) ? a.Text : a.Text.Length == 0 ? a.Title : a.Title + "\n\n" + a.Text)).ToList(),
        TopicUnit.Sentence => corpus.Articles.SelectMany(a => a.Sentences.Select(s => new TopicUnitText(a, s.Index, s.Text))).ToList(),
        _ => corpus.Articles.SelectMany(a => a.Paragraphs.Select(p => new TopicUnitText(a, p.Index, p.Text))).ToList(),
    };
}

/// <summary>LDA with ML.NET on integer term counts, one thread, reset generator: the same topics on every run.</summary>
internal static class TopicLda
{
    private sealed class CountRow
    {
        public VBuffer<float> Counts { get; set; }
    }

    /// <summary>
    /// Fits LDA with <paramref name="k"/> topics on the unigram counts (bigrams would count each word twice); each
    /// unit takes its most probable topic (ties: the lower topic).
    /// </summary>
    public static (int[] Labels, double[] Probability) Fit(IReadOnlyList<VBuffer<float>> counts, string[] terms, int k, TopicOptions options)
    {
        var unigramSlot = new int[terms.Length];
        int unigrams = 0;
        for (int t = 0; t < terms.Length; t++) unigramSlot[t] = terms[t].Contains(' ') ? -1 : unigrams++;
        var ml = new MLContext(seed: options.Seed);
        var schema = SchemaDefinition.Create(typeof(CountRow));
        schema[nameof(CountRow.Counts)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, unigrams);
        var data = ml.Data.LoadFromEnumerable(counts.Select(c => new CountRow { Counts = Unigrams(c, unigramSlot, unigrams) }), schema);
        var lda = ml.Transforms.Text.LatentDirichletAllocation("Topics", nameof(CountRow.Counts), numberOfTopics: k,
            maximumNumberOfIterations: options.LdaIterations, numberOfThreads: 1,
            maximumTokenCountPerDocument: options.LdaMaxTokensPerUnit, resetRandomGenerator: true);
        var topics = NativeStdoutSilencer.Run(() => lda.Fit(data).Transform(data).GetColumn<float[]>("Topics").ToArray());
        var labels = new int[topics.Length];
        var probability = new double[topics.Length];
        for (int i = 0; i < topics.Length; i++)
        {
            int best = 0;
            for (int t = 1; t < topics[i].Length; t++) if (topics[i][t] > topics[i][best]) best = t;
            labels[i] = best;
            probability[i] = topics[i].Length > 0 ? topics[i][best] : 0;
        }
        return (labels, probability);
    }

    private static VBuffer<float> Unigrams(VBuffer<float> counts, int[] slot, int size)
    {
        var indices = new List<int>();
        var values = new List<float>();
        foreach (var (index, value) in counts.Items())
        {
            if (value == 0 || slot[index] < 0) continue;
            indices.Add(slot[index]);
            values.Add(value);
        }
        return new VBuffer<float>(size, indices.Count, values.ToArray(), indices.ToArray());
    }
}
