using System.Numerics.Tensors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace NewsAnalysis;

/// <summary>The best of several seeded k-means runs for one k.</summary>
internal sealed record TopicKMeansRun(int K, int[] Labels, float[][] Centroids, double Inertia);

/// <summary>k-means with ML.NET (single-threaded, k-means++ initialisation, seeded restarts) and the scores used to choose k.</summary>
internal static class TopicClustering
{
    private sealed class PointRow
    {
        public float[] Features { get; set; } = [];
    }

    /// <summary>
    /// Runs ML.NET k-means <see cref="TopicOptions.Restarts"/> times (seeds Seed, Seed+1, ...), each on one thread, and keeps
    /// the run with the lowest inertia (sum of squared distances to the nearest centroid; ties go to the earlier seed).
    /// </summary>
    /// <remarks>
    /// ML.NET's k-means is repeatable only on one thread, so the restarts, not the runs, are spread over the cores: each
    /// restart has its own context, data view and seed, and the best is picked in seed order, so the result does not
    /// depend on the number of cores or on scheduling.
    /// </remarks>
    public static TopicKMeansRun KMeans(float[][] points, int k, TopicOptions options)
    {
        int d = points[0].Length;
        var schema = SchemaDefinition.Create(typeof(PointRow));
        schema[nameof(PointRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        var runs = new TopicKMeansRun[options.Restarts];
        Parallel.For(0, options.Restarts, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, r =>
        {
            // The data is loaded by a context of the base seed in every restart (as when one view served them all):
            // ML.NET draws some of k-means' randomness from the data view's own context.
            var loader = new MLContext(seed: options.Seed);
            var data = loader.Data.Cache(loader.Data.LoadFromEnumerable(points.Select(p => new PointRow { Features = p }), schema));
            var ml = new MLContext(seed: options.Seed + r);
            var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = nameof(PointRow.Features),
                NumberOfClusters = k,
                NumberOfThreads = 1,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                MaximumNumberOfIterations = 300,
                OptimizationTolerance = 1e-7f,
            });
            var model = trainer.Fit(data).Model;
            VBuffer<float>[] centroidBuffers = default!;
            model.GetClusterCentroids(ref centroidBuffers, out int found);
            var centroids = centroidBuffers.Take(found).Select(c => c.DenseValues().ToArray()).ToArray();
            // The assignment is recomputed here rather than read from the model's Score column (squared distances)
            // and PredictedLabel (a key type DataFrames reject): it is the same nearest-centroid rule.
            var labels = new int[points.Length];
            double inertia = 0;
            for (int i = 0; i < points.Length; i++)
            {
                (labels[i], double dist) = Nearest(points[i], centroids);
                inertia += dist;
            }
            runs[r] = new TopicKMeansRun(k, labels, centroids, inertia);
        });
        TopicKMeansRun? best = null;
        foreach (var run in runs)
            if (best is null || run.Inertia < best.Inertia - 1e-9) best = run;
        return best!;
    }

    /// <summary>
    /// The number of distinct points, counted up to <paramref name="enough"/> (no further count changes a decision):
    /// ML.NET's k-means throws when asked for more clusters than distinct points. Coordinates are compared rounded to
    /// 1e-4, since copies of one text come out of the SVD's QR steps differing in the last bits.
    /// </summary>
    public static int DistinctPoints(float[][] points, int enough)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in points)
        {
            var key = string.Join(",", p.Select(x => ((long)Math.Round(x * 1e4)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (seen.Add(key) && seen.Count >= enough) break;
        }
        return seen.Count;
    }

    /// <summary>The nearest centroid and the squared Euclidean distance to it (ties go to the lower index).</summary>
    public static (int Index, double SquaredDistance) Nearest(float[] point, float[][] centroids)
    {
        int bestIndex = 0;
        double bestDist = double.MaxValue;
        for (int c = 0; c < centroids.Length; c++)
        {
            double dist = TensorPrimitives.Distance(point, centroids[c]);
            dist *= dist;
            if (dist < bestDist) { bestDist = dist; bestIndex = c; }
        }
        return (bestIndex, bestDist);
    }

    /// <summary>Picks up to <paramref name="size"/> unit indices with a seeded shuffle, returned in ascending order.</summary>
    public static int[] Sample(int count, int size, int seed)
    {
        if (count <= size) return Enumerable.Range(0, count).ToArray();
        var indices = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(indices);
        return indices.Take(size).Order().ToArray();
    }

    /// <summary>Pairwise Euclidean distances between the given points (computed once, reused for every k).</summary>
    public static float[][] Distances(float[][] points, int[] sample)
    {
        var result = new float[sample.Length][];
        for (int a = 0; a < sample.Length; a++) result[a] = new float[sample.Length];
        for (int a = 0; a < sample.Length; a++)
            for (int b = a + 1; b < sample.Length; b++)
                result[a][b] = result[b][a] = TensorPrimitives.Distance(points[sample[a]], points[sample[b]]);
        return result;
    }

    /// <summary>
    /// Mean silhouette (Rousseeuw 1987) of the sample: per point (b − a) / max(a, b) with a the mean distance to its
    /// own cluster and b the lowest mean distance to another; points alone in their cluster score 0.
    /// </summary>
    public static double Silhouette(float[][] distances, int[] labels, int k)
    {
        int n = labels.Length;
        var sizes = new int[k];
        foreach (var l in labels) sizes[l]++;
        if (sizes.Count(s => s > 0) < 2) return 0;
        double total = 0;
        var sums = new double[k];
        for (int i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (int j = 0; j < n; j++) if (j != i) sums[labels[j]] += distances[i][j];
            int own = labels[i];
            if (sizes[own] <= 1) continue;
            double a = sums[own] / (sizes[own] - 1);
            double b = double.MaxValue;
            for (int c = 0; c < k; c++) if (c != own && sizes[c] > 0) b = Math.Min(b, sums[c] / sizes[c]);
            double m = Math.Max(a, b);
            total += m > 0 ? (b - a) / m : 0;
        }
        return total / n;
    }

    /// <summary>
    /// The index of the first peak of <paramref name="silhouettes"/> (scores for increasing k): the first k whose
    /// silhouette is not exceeded by the next k's, or the last k when it keeps rising. On TF-IDF spaces the silhouette
    /// tends to creep upwards as clusters split into ever tighter sub-topics, so the global maximum often sits at the
    /// top of the range; the first peak is the coarsest partition that is locally best.
    /// </summary>
    public static int FirstPeak(IReadOnlyList<double> silhouettes)
    {
        for (int i = 0; i + 1 < silhouettes.Count; i++)
            if (silhouettes[i] >= silhouettes[i + 1]) return i;
        return silhouettes.Count - 1;
    }

    /// <summary>
    /// Davies–Bouldin index (1979): mean over clusters of the worst (s_i + s_j) / d(c_i, c_j), with s the mean distance
    /// of a cluster's points to its centroid. Lower is better.
    /// </summary>
    public static double DaviesBouldin(float[][] points, int[] labels, int k)
    {
        int d = points[0].Length;
        var centroids = new float[k][];
        var sizes = new int[k];
        for (int c = 0; c < k; c++) centroids[c] = new float[d];
        for (int i = 0; i < points.Length; i++) { TensorPrimitives.Add(centroids[labels[i]], points[i], centroids[labels[i]]); sizes[labels[i]]++; }
        for (int c = 0; c < k; c++) if (sizes[c] > 0) TensorPrimitives.Divide(centroids[c], sizes[c], centroids[c]);
        var scatter = new double[k];
        for (int i = 0; i < points.Length; i++) scatter[labels[i]] += TensorPrimitives.Distance(points[i], centroids[labels[i]]);
        var live = Enumerable.Range(0, k).Where(c => sizes[c] > 0).ToArray();
        if (live.Length < 2) return 0;
        foreach (var c in live) scatter[c] /= sizes[c];
        double sum = 0;
        foreach (var i in live)
        {
            double worst = 0;
            foreach (var j in live)
            {
                if (i == j) continue;
                double sep = TensorPrimitives.Distance(centroids[i], centroids[j]);
                worst = Math.Max(worst, sep > 0 ? (scatter[i] + scatter[j]) / sep : double.PositiveInfinity);
            }
            sum += worst;
        }
        return sum / live.Length;
    }
}
