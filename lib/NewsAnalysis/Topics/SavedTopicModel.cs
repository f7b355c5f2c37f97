using System.Globalization;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using MathNet.Numerics.LinearAlgebra.Double;

namespace NewsAnalysis;

/// <summary>What a k-means fit leaves for <see cref="SavedTopicModel.From"/>: the features, the SVD points of the units with terms (before unit length), the centroids and the raw labels.</summary>
internal sealed record TopicFitState(TopicFeatureSet Features, int[] Live, float[][] Points, float[][] Centroids, int[] RawLabels);

/// <summary>
/// A fitted k-means topic model kept for reuse: the features (vocabulary of unigrams and bigrams, their IDF, the stop
/// words and the corpus's boilerplate terms), the SVD projection, the centroids, the topics' labels and terms, the
/// options and a format version, and which units it was fitted on. <see cref="Assign"/> places the units of a corpus
/// in it: units it was fitted on keep their fitted topic; new units are counted on the saved vocabulary, weighed with
/// the saved IDF, projected with the saved projection and given the nearest centroid.
/// </summary>
/// <remarks>
/// A saved model is usable only for the same options (unit, method, k, seed, stop words, ...) and the same
/// <see cref="FormatVersion"/>; <see cref="Incompatibility"/> says what differs, and <see cref="TopicModelReuse"/> then
/// fits afresh. Only k-means on the SVD (the default method) is saved: LDA and embeddings models are always fitted.
/// </remarks>
public sealed class SavedTopicModel
{
    /// <summary>
    /// The version of the saved model's format and of the code that fits and assigns: a model saved under another
    /// version is not used (bump it when the features, the projection or the clustering change what they return).
    /// </summary>
    public const string FormatVersion = "topic-model-2";

    private const string Magic = "NewsAnalysis topic model";

    private readonly string[] stopWords;
    private readonly string[] terms;
    private readonly float[] idf;
    private readonly int rank;
    private readonly float[] projection;   // terms × rank, row-major
    private readonly float[][] centroids;  // one per topic, in topic order
    private readonly float[] mapMean, mapX, mapY;
    private readonly TopicInfo[] topics;
    private readonly TopicKScore[] kScores;
    private readonly TopicBoilerplateTerm[] boilerplate;
    private readonly Dictionary<UInt128, FittedUnit> fitted;
    private Dictionary<string, int>? termIndex;
    private HashSet<string>? stopSet;

    private readonly record struct FittedUnit(int Topic, double Confidence, double X, double Y);

    private SavedTopicModel(TopicOptions options, int k, string? kNote, string? kReason, DateTime savedUtc, string[] stopWords,
        string[] terms, float[] idf, int rank, float[] projection, float[][] centroids, float[] mapMean, float[] mapX, float[] mapY,
        TopicInfo[] topics, TopicKScore[] kScores, TopicBoilerplateTerm[] boilerplate, Dictionary<UInt128, FittedUnit> fitted)
    {
        Options = options;
        K = k;
        KNote = kNote;
        KReason = kReason;
        SavedUtc = savedUtc;
        this.stopWords = stopWords;
        this.terms = terms;
        this.idf = idf;
        this.rank = rank;
        this.projection = projection;
        this.centroids = centroids;
        this.mapMean = mapMean;
        this.mapX = mapX;
        this.mapY = mapY;
        this.topics = topics;
        this.kScores = kScores;
        this.boilerplate = boilerplate;
        this.fitted = fitted;
    }

    /// <summary>The options the model was fitted with.</summary>
    public TopicOptions Options { get; }

    /// <summary>The k of the fit.</summary>
    public int K { get; }

    /// <summary>The fit's note on k (see <see cref="TopicModel.KNote"/>).</summary>
    public string? KNote { get; }

    /// <summary>The fit's reason for k (see <see cref="TopicModel.KReason"/>).</summary>
    public string? KReason { get; }

    /// <summary>When the model was fitted and saved (UTC).</summary>
    public DateTime SavedUtc { get; }

    /// <summary>Distinct unit texts the model was fitted on.</summary>
    public int FittedUnits => fitted.Count;

    /// <summary>Feature terms (unigrams and bigrams) of the saved vocabulary.</summary>
    public int Terms => terms.Length;

    /// <summary>The topics' labels, in topic order.</summary>
    public IReadOnlyList<string> Labels => topics.Select(t => t.Label).ToList();

    /// <summary>
    /// The saved model of a k-means fit, or null when <paramref name="model"/> cannot be reused (LDA, embeddings, a
    /// one-topic model, or a model that was itself assigned rather than fitted).
    /// </summary>
    public static SavedTopicModel? From(TopicModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.FitState is not { } state) return null;
        var options = model.Options;
        var features = state.Features;
        // The stop words as TopicFeatures.Build used them: the options' and the boilerplate, normalised.
        var stop = (options.StopWords ?? TopicStopWords.Default).Concat(model.Boilerplate.Select(b => b.Term))
            .Select(TopicStopWords.NormaliseWord).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        // IDF as TopicFeatures.SublinearTfIdf weighs: over every unit, with or without terms.
        var df = new int[features.CountTerms.Length];
        foreach (var row in features.Counts)
            foreach (var (index, value) in row.Items())
                if (value != 0) df[index]++;
        var idf = df.Select(d => (float)(Math.Log((1.0 + features.Counts.Length) / (1.0 + d)) + 1)).ToArray();
        // Units of one group (equal feature rows) share one point, the same array repeated (TopicGroups.Expand): the
        // projection and the map's axes are fitted on each distinct point once, weighted by its number of units — the
        // same least squares as over every unit, without paying for the repeats (10,000 copies cost what one costs).
        var distinctOf = new Dictionary<float[], int>(ReferenceEqualityComparer.Instance);
        var firsts = new List<int>();
        var counts = new List<double>();
        for (int j = 0; j < state.Live.Length; j++)
        {
            if (distinctOf.TryGetValue(state.Points[j], out int g)) { counts[g]++; continue; }
            distinctOf[state.Points[j]] = firsts.Count;
            firsts.Add(j);
            counts.Add(1);
        }
        var tfidf = firsts.Select(j => features.TfIdf[state.Live[j]]).ToList();
        var points = firsts.Select(j => state.Points[j]).ToArray();
        var weights = counts.ToArray();
        int rank = state.Points[0].Length;
        var projection = Projection(tfidf, points, weights, features.CountTerms.Length, rank);
        var (mapMean, mapX, mapY) = MapProjection(points, weights, firsts.Select(j => model.Assignments[state.Live[j]]).ToList());
        // Raw k-means clusters to topic numbers (topics are renumbered by size; empty clusters are dropped).
        var topicOfRaw = new Dictionary<int, int>();
        for (int j = 0; j < state.Live.Length; j++) topicOfRaw[state.RawLabels[j]] = model.Assignments[state.Live[j]].Topic;
        var centroids = new float[model.Topics.Count][];
        foreach (var (raw, topic) in topicOfRaw) centroids[topic] = state.Centroids[raw];
        var fitted = new Dictionary<UInt128, FittedUnit>();
        foreach (var a in model.Assignments)
            fitted.TryAdd(Hash(a.Text), new FittedUnit(a.Topic, a.Confidence, a.X, a.Y));
        return new SavedTopicModel(options, model.K, model.KNote, model.KReason, DateTime.UtcNow, stop, features.CountTerms, idf, rank,
            projection, centroids, mapMean, mapX, mapY, model.Topics.Select(t => t with { Size = 0, Representatives = [] }).ToArray(),
            model.KScores.ToArray(), model.Boilerplate.ToArray(), fitted);
    }

    /// <summary>
    /// The projection W (terms × rank) that takes a unit's TF-IDF vector to its SVD coordinates, folded in as latent
    /// semantic analysis does (W = Aᵀ·P·Σ⁻², P = U·Σ the fitted units' coordinates, σ² a column's squared length; each
    /// distinct point weighted by its number of units), then refined so that A·W reproduces P: each pass adds Aᵀ·(P − A·W)·Σ⁻², which shrinks what the randomized SVD's
    /// subspace leaves over. The passes stop when the residual stops shrinking (on a tiny corpus, where the fold-in is
    /// already exact to rounding, further passes only amplify the rounding), and the best W is kept. Written here
    /// because TopicSvd returns only the coordinates.
    /// </summary>
    internal static float[] Projection(List<Microsoft.ML.Data.VBuffer<float>> rows, float[][] points, double[] weights, int termCount, int rank)
    {
        var sigma2 = new double[rank];
        for (int j = 0; j < points.Length; j++) for (int c = 0; c < rank; c++) sigma2[c] += weights[j] * points[j][c] * points[j][c];
        var inverse = sigma2.Select(s => s > 0 ? (float)(1 / s) : 0f).ToArray();
        // A (units × terms) and Aᵀ in compressed rows: Aᵀ·R is then summed one term at a time, over the units holding it
        // in unit order — the same additions in the same order as scattering each unit's row into the terms, without
        // the scattered writes over the whole terms × rank matrix — and both products are split over the cores. Two
        // terms × rank buffers, allocated once: W (the best so far) and the next W = W + Aᵀ·R·Σ⁻², which replaces it
        // only when its residual is smaller (W is never updated in place, so no copy of the best is kept).
        var a = TopicSvd.SparseMatrix.FromRows(rows, null, termCount);
        var at = a.Transpose();
        var w = new float[termCount * rank];
        var next = new float[termCount * rank];
        var scaled = new float[rows.Count * rank];
        var projected = new float[rows.Count * rank];
        var residual = points.Select(p => (float[])p.Clone()).ToArray();
        var squares = new double[rows.Count];
        double bestResidual = double.MaxValue;
        for (int pass = 0; pass <= MaxRefinements; pass++)
        {
            // next = W + Aᵀ·R·Σ⁻² (R = P on the first pass, each row times its weight), then R = P − A·next.
            TopicParallel.ForRanges(rows.Count, j =>
            {
                var target = scaled.AsSpan(j * rank, rank);
                TensorPrimitives.Multiply(residual[j], inverse, target);
                TensorPrimitives.Multiply(target, (float)weights[j], target);
            });
            at.TimesAdd(scaled, rank, w, next);
            a.Times(next, rank, projected);
            TopicParallel.ForRanges(rows.Count, j =>
            {
                TensorPrimitives.Subtract(points[j], projected.AsSpan(j * rank, rank), residual[j]);
                squares[j] = weights[j] * TensorPrimitives.SumOfSquares(residual[j]);
            });
            double total = squares.Sum();
            if (total >= bestResidual) break;
            bestResidual = total;
            (w, next) = (next, w);
        }
        return w;
    }

    /// <summary>Most refinement passes of the projection (see <see cref="Projection"/>).</summary>
    internal const int MaxRefinements = 4;

    /// <summary>
    /// The map's two axes as a linear function of the SVD coordinates (the map is their first two principal components):
    /// the mean and, by least squares on the fitted units (pseudo-inverse of the rank × rank scatter matrix), the two
    /// coefficient vectors.
    /// </summary>
    private static (float[] Mean, float[] X, float[] Y) MapProjection(float[][] points, double[] weights, List<TopicAssignment> units)
    {
        int m = points.Length, d = points[0].Length;
        var mean = new double[d];
        for (int i = 0; i < m; i++) for (int c = 0; c < d; c++) mean[c] += weights[i] * points[i][c];
        double total = weights.Sum();
        for (int c = 0; c < d; c++) mean[c] /= total;
        // The scatter's upper half by rank-one updates of whole rows (vectorised), then mirrored.
        var upper = new double[d * d];
        var target = new DenseMatrix(d, 2);
        var centred = new double[d];
        for (int i = 0; i < m; i++)
        {
            for (int c = 0; c < d; c++) centred[c] = points[i][c] - mean[c];
            for (int x = 0; x < d; x++)
            {
                if (centred[x] == 0) continue;
                var row = upper.AsSpan(x * d + x, d - x);
                TensorPrimitives.MultiplyAdd(centred.AsSpan(x, d - x), weights[i] * centred[x], row, row);
                target[x, 0] += weights[i] * centred[x] * units[i].X;
                target[x, 1] += weights[i] * centred[x] * units[i].Y;
            }
        }
        var scatter = new DenseMatrix(d, d);
        for (int x = 0; x < d; x++) for (int y = x; y < d; y++) scatter[x, y] = scatter[y, x] = upper[x * d + y];
        var coefficients = scatter.PseudoInverse() * target;
        return (mean.Select(v => (float)v).ToArray(), Enumerable.Range(0, d).Select(c => (float)coefficients[c, 0]).ToArray(),
            Enumerable.Range(0, d).Select(c => (float)coefficients[c, 1]).ToArray());
    }

    /// <summary>
    /// Why this model cannot be used with <paramref name="options"/> (the options that differ, by name, with the saved
    /// and the asked value), or null when it can.
    /// </summary>
    public string? Incompatibility(TopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Method != TopicMethod.KMeans) return $"only k-means models are saved, and --method is {options.Method.ToString().ToLowerInvariant()}";
        var saved = Describe(Options);
        var asked = Describe(options);
        var differ = saved.Zip(asked).Where(p => p.First.Value != p.Second.Value)
            .Select(p => $"{p.First.Name} {p.First.Value} then, {p.Second.Value} now").ToList();
        return differ.Count == 0 ? null : "fitted with other options: " + string.Join("; ", differ);
    }

    // Every option that changes a k-means fit or its labels, as (name, value) in a fixed order.
    private static List<(string Name, string Value)> Describe(TopicOptions o) =>
    [
        ("unit", o.Unit.ToString().ToLowerInvariant()),
        ("method", o.Method.ToString().ToLowerInvariant()),
        ("k", o.K?.ToString(CultureInfo.InvariantCulture) ?? "auto"),
        ("min k", o.MinK.ToString(CultureInfo.InvariantCulture)),
        ("max k", o.MaxK.ToString(CultureInfo.InvariantCulture)),
        ("seed", o.Seed.ToString(CultureInfo.InvariantCulture)),
        ("restarts", o.Restarts.ToString(CultureInfo.InvariantCulture)),
        ("dimensions", o.Dimensions.ToString(CultureInfo.InvariantCulture)),
        ("min document frequency", o.MinDocumentFrequency.ToString(CultureInfo.InvariantCulture)),
        ("min document share", o.MinDocumentShare.ToString("R", CultureInfo.InvariantCulture)),
        ("stop words", o.StopWords is null ? "default" : "custom " + Digest(o.StopWords.Order(StringComparer.Ordinal))),
        ("drop boilerplate", o.DropBoilerplate ? "yes" : "no"),
        ("boilerplate min articles", o.BoilerplateMinArticles.ToString(CultureInfo.InvariantCulture)),
        ("top terms", o.TopTerms.ToString(CultureInfo.InvariantCulture)),
        ("label terms", o.LabelTerms.ToString(CultureInfo.InvariantCulture)),
        ("representatives", o.Representatives.ToString(CultureInfo.InvariantCulture)),
        ("silhouette sample", o.SilhouetteSample.ToString(CultureInfo.InvariantCulture)),
    ];

    private static string Digest(IEnumerable<string> lines) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))))[..12].ToLowerInvariant();

    private static UInt128 Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()), digest);
        return new UInt128(BitConverter.ToUInt64(digest), BitConverter.ToUInt64(digest[8..]));
    }

    /// <summary>
    /// The units of <paramref name="corpus"/> placed in this model: a unit with the text of a unit the model was fitted
    /// on keeps its fitted topic, confidence and map position; any other unit is projected with the saved features and
    /// projection and given the nearest centroid (<see cref="TopicAssignment.Assigned"/>). Topics keep their saved
    /// labels and terms; sizes and representatives are those of <paramref name="corpus"/>.
    /// </summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="assignEverything">Project every unit, the fitted ones too (to check the projection; tests).</param>
    /// <exception cref="ArgumentException">When the corpus has no unit.</exception>
    public TopicModel Assign(NewsCorpus corpus, bool assignEverything = false)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var units = TopicUnitText.From(corpus, Options.Unit);
        if (units.Count == 0)
            throw new ArgumentException($"Topic modelling needs at least one {Options.Unit.ToString().ToLowerInvariant()}; the corpus has none.", nameof(corpus));
        // The lookups are built once, before the threads share them.
        stopSet ??= stopWords.ToHashSet(StringComparer.Ordinal);
        termIndex ??= terms.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var assignments = new TopicAssignment[units.Count];
        TopicParallel.ForRanges(units.Count, i =>
        {
            var u = units[i];
            if (!assignEverything && fitted.TryGetValue(Hash(u.Text), out var f))
            {
                assignments[i] = new TopicAssignment(u.Article.Id, u.Unit, f.Topic, f.Topic < 0 ? "(no terms)" : topics[f.Topic].Label,
                    f.Confidence, f.X, f.Y, u.Text);
                return;
            }
            var (topic, confidence, x, y) = Place(u.Text);
            assignments[i] = new TopicAssignment(u.Article.Id, u.Unit, topic, topic < 0 ? "(no terms)" : topics[topic].Label, confidence, x, y, u.Text)
            { Assigned = true };
        }, chunk: 64);
        var infos = topics.Select(t =>
        {
            var members = assignments.Where(a => a.Topic == t.Id).ToList();
            var representatives = members.Select((a, i) => (a, i)).OrderByDescending(x => x.a.Confidence).ThenBy(x => x.i)
                .Take(Options.Representatives).Select(x => x.a).ToList();
            return t with { Size = members.Count, Representatives = representatives };
        }).ToList();
        return new TopicModel(corpus, Options, K, assignments, infos, kScores)
        {
            KNote = KNote,
            KReason = KReason,
            Boilerplate = boilerplate,
        };
    }

    // A new unit: counts on the saved vocabulary, sublinear TF-IDF with the saved IDF (as TopicFeatures.SublinearTfIdf),
    // the saved projection, unit length, the nearest centroid (as k-means assigns: lowest squared distance, ties to the
    // lower topic), confidence its cosine, and the map position.
    private (int Topic, double Confidence, double X, double Y) Place(string text)
    {
        var tokens = TopicFeatures.Tokens(text, stopSet!);
        var counts = new SortedDictionary<int, int>();
        for (int t = 0; t < tokens.Length; t++)
        {
            if (t > 0 && termIndex!.TryGetValue(tokens[t - 1] + " " + tokens[t], out int bigram)) counts[bigram] = counts.GetValueOrDefault(bigram) + 1;
            if (termIndex!.TryGetValue(tokens[t], out int unigram)) counts[unigram] = counts.GetValueOrDefault(unigram) + 1;
        }
        if (counts.Count == 0) return (-1, 0, 0, 0);
        var weights = counts.Select(c => (1 + MathF.Log(c.Value)) * idf[c.Key]).ToArray();
        float norm = TensorPrimitives.Norm(weights);
        if (norm > 0) TensorPrimitives.Divide(weights, norm, weights);
        var point = new float[rank];
        int n = 0;
        foreach (var term in counts.Keys)
        {
            TensorPrimitives.MultiplyAdd(projection.AsSpan(term * rank, rank), weights[n++], point, point);
        }
        double x = 0, y = 0;
        for (int c = 0; c < rank; c++)
        {
            x += (point[c] - mapMean[c]) * (double)mapX[c];
            y += (point[c] - mapMean[c]) * (double)mapY[c];
        }
        double length = Math.Sqrt(point.Sum(v => (double)v * v));
        if (length == 0) return (-1, 0, 0, 0);
        var unit = point.Select(v => (float)(v / length)).ToArray();
        int best = 0;
        double bestDistance = double.MaxValue;
        for (int c = 0; c < centroids.Length; c++)
        {
            double distance = TensorPrimitives.Distance(unit, centroids[c]);
            distance *= distance;
            if (distance < bestDistance) { bestDistance = distance; best = c; }
        }
        var centroid = centroids[best];
        double centroidNorm = TensorPrimitives.Norm(centroid);
        double cosine = centroidNorm > 0 ? TensorPrimitives.Dot(unit, centroid) / centroidNorm : 0;
        return (best, cosine, x, y);
    }

    /// <summary>The model as bytes (see <see cref="Read"/>).</summary>
    public byte[] ToBytes()
    {
        // The projection (terms × rank floats: most of the bytes, 29 MB on BBC) is copied once, straight into the
        // result; what comes before and after it is written to two small streams. The bytes are those of one
        // BinaryWriter writing everything in order (WriteFloats: the length, then the floats' bytes).
        using var head = new MemoryStream();
        using (var w = new BinaryWriter(head, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            WriteOptions(w, Options);
            w.Write(K);
            WriteNullable(w, KNote);
            WriteNullable(w, KReason);
            w.Write(SavedUtc.ToBinary());
            WriteStrings(w, stopWords);
            WriteStrings(w, terms);
            WriteFloats(w, idf);
            w.Write(rank);
            w.Write(projection.Length);
        }
        using var tail = new MemoryStream();
        using (var w = new BinaryWriter(tail, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(centroids.Length);
            foreach (var c in centroids) WriteFloats(w, c);
            WriteFloats(w, mapMean);
            WriteFloats(w, mapX);
            WriteFloats(w, mapY);
            w.Write(topics.Length);
            foreach (var t in topics)
            {
                w.Write(t.Label);
                w.Write(t.Terms.Count);
                foreach (var term in t.Terms) { w.Write(term.Term); w.Write(term.Weight); }
            }
            w.Write(kScores.Length);
            foreach (var s in kScores) { w.Write(s.K); w.Write(s.Silhouette); w.Write(s.DaviesBouldin); w.Write(s.Inertia); }
            w.Write(boilerplate.Length);
            foreach (var b in boilerplate) { w.Write(b.Term); w.Write(b.Reason); w.Write(b.Articles); w.Write(b.EdgeArticles); w.Write(b.EdgeShare); }
            w.Write(fitted.Count);
            foreach (var (hash, f) in fitted)
            {
                w.Write((ulong)(hash >> 64)); w.Write((ulong)hash);
                w.Write(f.Topic); w.Write(f.Confidence); w.Write(f.X); w.Write(f.Y);
            }
        }
        var floats = System.Runtime.InteropServices.MemoryMarshal.AsBytes(projection.AsSpan());
        var bytes = new byte[checked((int)(head.Length + floats.Length + tail.Length))];
        head.GetBuffer().AsSpan(0, (int)head.Length).CopyTo(bytes);
        floats.CopyTo(bytes.AsSpan((int)head.Length));
        tail.GetBuffer().AsSpan(0, (int)tail.Length).CopyTo(bytes.AsSpan((int)head.Length + floats.Length));
        return bytes;
    }

    /// <summary>
    /// Reads a model written by <see cref="ToBytes"/>; null when it was written under another <see cref="FormatVersion"/>
    /// (not usable: fit afresh).
    /// </summary>
    /// <exception cref="InvalidDataException">When the bytes are not a saved topic model.</exception>
    public static SavedTopicModel? Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (r.ReadString() != Magic) throw new InvalidDataException("not a saved topic model");
            if (r.ReadString() != FormatVersion) return null;
            var options = ReadOptions(r);
            int k = r.ReadInt32();
            var kNote = ReadNullable(r);
            var kReason = ReadNullable(r);
            var saved = DateTime.FromBinary(r.ReadInt64());
            var stop = ReadStrings(r);
            var terms = ReadStrings(r);
            var idf = ReadFloats(r);
            int rank = r.ReadInt32();
            var projection = ReadFloats(r);
            var centroids = new float[r.ReadInt32()][];
            for (int c = 0; c < centroids.Length; c++) centroids[c] = ReadFloats(r);
            var mapMean = ReadFloats(r);
            var mapX = ReadFloats(r);
            var mapY = ReadFloats(r);
            var topics = new TopicInfo[r.ReadInt32()];
            for (int t = 0; t < topics.Length; t++)
            {
                var label = r.ReadString();
                var topicTerms = new TopicTerm[r.ReadInt32()];
                for (int x = 0; x < topicTerms.Length; x++) topicTerms[x] = new TopicTerm(r.ReadString(), r.ReadDouble());
                topics[t] = new TopicInfo(t, label, 0, topicTerms, []);
            }
            var scores = new TopicKScore[r.ReadInt32()];
            for (int s = 0; s < scores.Length; s++) scores[s] = new TopicKScore(r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
            var boilerplate = new TopicBoilerplateTerm[r.ReadInt32()];
            for (int b = 0; b < boilerplate.Length; b++)
                boilerplate[b] = new TopicBoilerplateTerm(r.ReadString(), r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadDouble());
            int count = r.ReadInt32();
            var fitted = new Dictionary<UInt128, FittedUnit>(count);
            for (int i = 0; i < count; i++)
            {
                var hash = new UInt128(r.ReadUInt64(), r.ReadUInt64());
                fitted[hash] = new FittedUnit(r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
            }
            if (projection.Length != terms.Length * rank || idf.Length != terms.Length || centroids.Any(c => c.Length != rank))
                throw new InvalidDataException("the saved topic model's arrays do not match its vocabulary and rank");
            return new SavedTopicModel(options, k, kNote, kReason, saved, stop, terms, idf, rank, projection, centroids, mapMean, mapX, mapY,
                topics, scores, boilerplate, fitted);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the saved topic model is cut short", e);
        }
    }

    private static void WriteOptions(BinaryWriter w, TopicOptions o)
    {
        w.Write((int)o.Unit); w.Write((int)o.Method); w.Write(o.K ?? 0); w.Write(o.MinK); w.Write(o.MaxK); w.Write(o.Seed);
        w.Write(o.Restarts); w.Write(o.Dimensions); w.Write(o.MinDocumentFrequency); w.Write(o.MinDocumentShare);
        w.Write(o.StopWords is not null);
        if (o.StopWords is not null) WriteStrings(w, o.StopWords.ToArray());
        w.Write(o.DropBoilerplate); w.Write(o.BoilerplateMinArticles); w.Write(o.TopTerms); w.Write(o.LabelTerms);
        w.Write(o.Representatives); w.Write(o.SilhouetteSample);
    }

    private static TopicOptions ReadOptions(BinaryReader r)
    {
        var unit = (TopicUnit)r.ReadInt32();
        var method = (TopicMethod)r.ReadInt32();
        int k = r.ReadInt32();
        return new TopicOptions
        {
            Unit = unit, Method = method, K = k == 0 ? null : k, MinK = r.ReadInt32(), MaxK = r.ReadInt32(), Seed = r.ReadInt32(),
            Restarts = r.ReadInt32(), Dimensions = r.ReadInt32(), MinDocumentFrequency = r.ReadInt32(), MinDocumentShare = r.ReadDouble(),
            StopWords = r.ReadBoolean() ? ReadStrings(r) : null,
            DropBoilerplate = r.ReadBoolean(), BoilerplateMinArticles = r.ReadInt32(), TopTerms = r.ReadInt32(), LabelTerms = r.ReadInt32(),
            Representatives = r.ReadInt32(), SilhouetteSample = r.ReadInt32(),
        };
    }

    private static void WriteNullable(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteStrings(BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var values = new string[r.ReadInt32()];
        for (int i = 0; i < values.Length; i++) values[i] = r.ReadString();
        return values;
    }

    private static void WriteFloats(BinaryWriter w, float[] values)
    {
        w.Write(values.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static float[] ReadFloats(BinaryReader r)
    {
        var values = new float[r.ReadInt32()];
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
