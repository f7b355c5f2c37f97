using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Microsoft.ML.Data;

namespace NewsAnalysis;

/// <summary>The best of several seeded k-means runs for one k.</summary>
internal sealed record TopicKMeansRun(int K, int[] Labels, float[][] Centroids, double Inertia);

/// <summary>
/// Units grouped by identical feature rows: each group is clustered as one weighted point (its weight the number of
/// units), so copies of one text cost what one costs. Groups are numbered by their first unit.
/// </summary>
/// <param name="First">Per group, the index of its first unit.</param>
/// <param name="GroupOf">Per unit, its group.</param>
/// <param name="Weights">Per group, the number of units in it.</param>
internal sealed record TopicGroups(int[] First, int[] GroupOf, double[] Weights)
{
    /// <summary>The number of groups.</summary>
    public int Count => First.Length;

    /// <summary>Whether every group holds one unit (no weights needed).</summary>
    public bool AllSingle => First.Length == GroupOf.Length;

    /// <summary>Groups units whose sparse rows are equal slot for slot and value for value (hashed first, then compared).</summary>
    public static TopicGroups OfRows(IReadOnlyList<VBuffer<float>> rows) =>
        Group(rows.Count, i => RowHash(rows[i]), (a, b) => RowEquals(rows[a], rows[b]));

    /// <summary>Groups units whose texts are equal (ordinal).</summary>
    public static TopicGroups OfTexts(IReadOnlyList<string> texts) =>
        Group(texts.Count, i => string.GetHashCode(texts[i], StringComparison.Ordinal), (a, b) => string.Equals(texts[a], texts[b], StringComparison.Ordinal));

    /// <summary>Per unit, the value of its group.</summary>
    public T[] Expand<T>(IReadOnlyList<T> perGroup)
    {
        var result = new T[GroupOf.Length];
        for (int i = 0; i < result.Length; i++) result[i] = perGroup[GroupOf[i]];
        return result;
    }

    private static TopicGroups Group(int count, Func<int, int> hash, Func<int, int, bool> equal)
    {
        var hashes = new int[count];
        TopicParallel.ForRanges(count, i => hashes[i] = hash(i));
        // hash → first group with that hash; later groups with the same hash (collisions) chain through `next`.
        var byHash = new Dictionary<int, int>(count);
        var next = new List<int>();
        var first = new List<int>();
        var weights = new List<double>();
        var groupOf = new int[count];
        for (int i = 0; i < count; i++)
        {
            int g = byHash.TryGetValue(hashes[i], out int head) ? head : -1;
            int last = -1;
            while (g >= 0 && !equal(first[g], i)) { last = g; g = next[g]; }
            if (g < 0)
            {
                g = first.Count;
                first.Add(i);
                weights.Add(0);
                next.Add(-1);
                if (last >= 0) next[last] = g;
                else byHash[hashes[i]] = g;
            }
            groupOf[i] = g;
            weights[g]++;
        }
        return new TopicGroups(first.ToArray(), groupOf, weights.ToArray());
    }

    private static int RowHash(VBuffer<float> row)
    {
        var hash = new HashCode();
        foreach (var (index, value) in row.Items())
            if (value != 0)
            {
                hash.Add(index);
                hash.Add(value);
            }
        return hash.ToHashCode();
    }

    private static bool RowEquals(VBuffer<float> a, VBuffer<float> b)
    {
        using var x = a.Items().Where(p => p.Value != 0).GetEnumerator();
        using var y = b.Items().Where(p => p.Value != 0).GetEnumerator();
        while (true)
        {
            bool more = x.MoveNext();
            if (more != y.MoveNext()) return false;
            if (!more) return true;
            if (x.Current.Key != y.Current.Key || x.Current.Value.Equals(y.Current.Value) is false) return false;
        }
    }
}

/// <summary>Weighted k-means (k-means++ seeding, Hamerly's bounds, seeded restarts) and the scores used to choose k.</summary>
/// <remarks>
/// Written here rather than taken from ML.NET's <c>KMeansTrainer</c>, which was used before: that trainer takes no sample
/// weights (so 10,000 copies of one article were 10,000 points, and automatic k on them took a minute), is repeatable
/// only on one thread, and was most of a fit's time (17.7 of 30 CPU-seconds on 100,000 paragraphs). No other package
/// on the mirror does weighted, deterministic k-means on dense vectors. What is done here is scikit-learn's recipe:
/// greedy k-means++ seeding (2 + ⌊ln k⌋ candidates per centre, the one lowering the potential most kept), Lloyd
/// iterations until no point changes cluster or the centres move less than 1e-4 of the data's variance, the restart
/// with the lowest inertia kept; an empty cluster is re-seeded with the point farthest from its centre. Hamerly's
/// bounds (2010) skip the distance computations that cannot change a point's cluster, which is most of them after the
/// first iterations. Each restart runs on one thread from its own seeded generator; the restarts (and the k tried by
/// the automatic choice) are spread over the cores and the best is picked in seed order, so the result does not depend
/// on the number of cores or on scheduling.
/// </remarks>
internal static class TopicClustering
{
    /// <summary>Lloyd iterations per run at most (scikit-learn's default).</summary>
    public const int MaxIterations = 300;

    /// <summary>Runs stop when the centres' squared movement sums to less than this share of the data's variance (scikit-learn's tol).</summary>
    public const double Tolerance = 1e-4;

    /// <summary>
    /// Runs weighted k-means <see cref="TopicOptions.Restarts"/> times (seeds Seed, Seed+1, ...) and keeps the run with
    /// the lowest inertia (weighted sum of squared distances to the nearest centroid; ties go to the earlier seed).
    /// <paramref name="weights"/> null means every point weighs 1.
    /// </summary>
    public static TopicKMeansRun KMeans(float[][] points, double[]? weights, int k, TopicOptions options) =>
        KMeans(points, weights, [k], options)[0];

    /// <summary>The best run for each k of <paramref name="ks"/>, every (k, restart) pair spread over the cores.</summary>
    public static TopicKMeansRun[] KMeans(float[][] points, double[]? weights, IReadOnlyList<int> ks, TopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        weights ??= Enumerable.Repeat(1.0, points.Length).ToArray();
        double tolerance = Tolerance * MeanVariance(points, weights);
        int restarts = options.Restarts;
        var runs = new TopicKMeansRun[ks.Count * restarts];
        // Larger k first: they take longest, so the cores finish together.
        var order = Enumerable.Range(0, runs.Length).OrderByDescending(t => ks[t / restarts]).ThenBy(t => t).ToArray();
        Parallel.For(0, runs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, x =>
        {
            int t = order[x];
            runs[t] = Run(points, weights, ks[t / restarts], options.Seed + t % restarts, tolerance);
        });
        var best = new TopicKMeansRun[ks.Count];
        for (int i = 0; i < ks.Count; i++)
            for (int r = 0; r < restarts; r++)
            {
                var run = runs[i * restarts + r];
                if (best[i] is null || run.Inertia < best[i].Inertia - 1e-9) best[i] = run;
            }
        return best;
    }

    /// <summary>One seeded k-means run: greedy k-means++ seeding, then Lloyd iterations with Hamerly's bounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TopicKMeansRun Run(float[][] points, double[] weights, int k, int seed, double tolerance)
    {
        int n = points.Length, d = points[0].Length;
        var random = new Random(seed);
        var centroids = PlusPlus(points, weights, k, random);
        var labels = new int[n];
        var upper = new float[n];
        var lower = new float[n];
        for (int i = 0; i < n; i++) AssignFully(points[i], centroids, out labels[i], out upper[i], out lower[i]);
        // Per cluster, the weighted sum of its points and their weight, kept up to date as points change cluster (in
        // point order, so the same on every run) instead of summed again each iteration.
        var sums = new double[k * d];
        var mass = new double[k];
        for (int i = 0; i < n; i++) Move(points[i], weights[i], -1, labels[i], sums, mass, d);
        var previous = (int[])labels.Clone();
        var moved = new double[k];
        var half = new float[k];
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            bool reseeded = false;
            for (int c = 0; c < k; c++)
            {
                if (mass[c] > 0) continue;
                // An empty cluster takes the point farthest from its centre (first such point on ties), whose cluster
                // keeps at least one other point's weight.
                int far = -1;
                for (int i = 0; i < n; i++)
                    if (mass[labels[i]] > weights[i] && (far < 0 || upper[i] > upper[far])) far = i;
                if (far < 0) break;
                Move(points[far], weights[far], labels[far], c, sums, mass, d);
                labels[far] = previous[far] = c;
                reseeded = true;
            }
            double shift = 0;
            for (int c = 0; c < k; c++)
            {
                if (mass[c] <= 0) { moved[c] = 0; continue; }
                var centre = centroids[c];
                var sum = sums.AsSpan(c * d, d);
                double squared = 0;
                for (int j = 0; j < d; j++)
                {
                    float value = (float)(sum[j] / mass[c]);
                    double delta = value - centre[j];
                    squared += delta * delta;
                    centre[j] = value;
                }
                moved[c] = Math.Sqrt(squared);
                shift += squared;
            }
            // Hamerly's bounds: the assigned centre moved by moved[a], any other by at most the largest other move.
            int most = 0;
            for (int c = 1; c < k; c++) if (moved[c] > moved[most]) most = c;
            double second = 0;
            for (int c = 0; c < k; c++) if (c != most) second = Math.Max(second, moved[c]);
            for (int c = 0; c < k; c++)
            {
                float nearest = float.MaxValue;
                for (int o = 0; o < k; o++)
                    if (o != c) nearest = Math.Min(nearest, TensorPrimitives.Distance(centroids[c], centroids[o]));
                half[c] = nearest / 2;
            }
            int changed = 0;
            for (int i = 0; i < n; i++)
            {
                int a = labels[i];
                if (reseeded)
                {
                    AssignFully(points[i], centroids, out labels[i], out upper[i], out lower[i]);
                    if (labels[i] != previous[i]) changed++;
                    continue;
                }
                upper[i] += (float)moved[a];
                lower[i] -= (float)(a == most ? second : moved[most]);
                float bound = Math.Max(half[a], lower[i]);
                if (upper[i] <= bound) continue;
                upper[i] = TensorPrimitives.Distance(points[i], centroids[a]);
                if (upper[i] <= bound) continue;
                AssignFully(points[i], centroids, out labels[i], out upper[i], out lower[i]);
                if (labels[i] != a) changed++;
            }
            if (changed > 0)
                for (int i = 0; i < n; i++)
                    if (labels[i] != previous[i]) Move(points[i], weights[i], previous[i], labels[i], sums, mass, d);
            Array.Copy(labels, previous, n);
            if (changed == 0 || shift <= tolerance) break;
        }
        double inertia = 0;
        for (int i = 0; i < n; i++)
        {
            float distance = TensorPrimitives.Distance(points[i], centroids[labels[i]]);
            inertia += weights[i] * distance * distance;
        }
        return new TopicKMeansRun(k, labels, centroids, inertia);
    }

    /// <summary>Moves a point's weighted coordinates from cluster <paramref name="from"/> (−1: none) to <paramref name="to"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Move(float[] point, double weight, int from, int to, double[] sums, double[] mass, int d)
    {
        if (from >= 0)
        {
            var source = sums.AsSpan(from * d, d);
            for (int j = 0; j < d; j++) source[j] -= weight * point[j];
            mass[from] -= weight;
        }
        var target = sums.AsSpan(to * d, d);
        for (int j = 0; j < d; j++) target[j] += weight * point[j];
        mass[to] += weight;
    }

    /// <summary>The nearest and second-nearest centroid distances of a point (ties go to the lower index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]   // a short process runs these loops once: optimise them at once
    private static void AssignFully(float[] point, float[][] centroids, out int label, out float nearest, out float second)
    {
        label = 0;
        nearest = float.MaxValue;
        second = float.MaxValue;
        for (int c = 0; c < centroids.Length; c++)
        {
            float distance = TensorPrimitives.Distance(point, centroids[c]);
            if (distance < nearest)
            {
                second = nearest;
                nearest = distance;
                label = c;
            }
            else if (distance < second) second = distance;
        }
    }

    /// <summary>
    /// Greedy k-means++ (Arthur and Vassilvitskii 2007, as scikit-learn seeds): the first centre drawn by weight, each
    /// next one the best of 2 + ⌊ln k⌋ candidates drawn by weight × squared distance to the nearest centre so far.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float[][] PlusPlus(float[][] points, double[] weights, int k, Random random)
    {
        int n = points.Length;
        int trials = 2 + (int)Math.Log(k);
        var centroids = new float[k][];
        var closest = new double[n];
        var candidate = new double[n];
        var best = new double[n];
        int first = Draw(weights, null, random);
        centroids[0] = (float[])points[first].Clone();
        double potential = 0;
        for (int i = 0; i < n; i++)
        {
            float distance = TensorPrimitives.Distance(points[i], centroids[0]);
            closest[i] = (double)distance * distance;
            potential += weights[i] * closest[i];
        }
        for (int c = 1; c < k; c++)
        {
            int chosen = -1;
            double chosenPotential = double.MaxValue;
            for (int t = 0; t < trials; t++)
            {
                int pick = potential > 0 ? Draw(weights, closest, random) : Draw(weights, null, random);
                double sum = 0;
                for (int i = 0; i < n; i++)
                {
                    float distance = TensorPrimitives.Distance(points[i], points[pick]);
                    candidate[i] = Math.Min(closest[i], (double)distance * distance);
                    sum += weights[i] * candidate[i];
                }
                if (sum < chosenPotential)
                {
                    chosenPotential = sum;
                    chosen = pick;
                    Array.Copy(candidate, best, n);
                }
            }
            centroids[c] = (float[])points[chosen].Clone();
            Array.Copy(best, closest, n);
            potential = chosenPotential;
        }
        return centroids;
    }

    /// <summary>An index drawn with probability proportional to weight (× <paramref name="scale"/> when given).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Draw(double[] weights, double[]? scale, Random random)
    {
        double total = 0;
        for (int i = 0; i < weights.Length; i++) total += scale is null ? weights[i] : weights[i] * scale[i];
        double target = random.NextDouble() * total;
        double running = 0;
        int last = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            double mass = scale is null ? weights[i] : weights[i] * scale[i];
            if (mass <= 0) continue;
            last = i;
            running += mass;
            if (running > target) return i;
        }
        return last;
    }

    /// <summary>The weighted variance of the points per coordinate, averaged over the coordinates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MeanVariance(float[][] points, double[] weights)
    {
        int d = points[0].Length;
        var mean = new double[d];
        var square = new double[d];
        double total = 0;
        for (int i = 0; i < points.Length; i++)
        {
            double w = weights[i];
            total += w;
            for (int j = 0; j < d; j++)
            {
                mean[j] += w * points[i][j];
                square[j] += w * points[i][j] * points[i][j];
            }
        }
        double variance = 0;
        for (int j = 0; j < d; j++) variance += square[j] / total - mean[j] / total * (mean[j] / total);
        return Math.Max(0, variance / d);
    }

    /// <summary>
    /// The number of distinct points, counted up to <paramref name="enough"/> (no further count changes a decision):
    /// k-means cannot make more clusters than there are distinct points. Coordinates are compared rounded to 1e-4, since
    /// texts differing only in words the features leave out can come out of the SVD differing in the last bits.
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
        TopicParallel.ForRanges(sample.Length, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (a) =>
        {
            for (int b = a + 1; b < sample.Length; b++)
                result[a][b] = TensorPrimitives.Distance(points[sample[a]], points[sample[b]]);
        }, chunk: 16);
        for (int a = 0; a < sample.Length; a++)
            for (int b = a + 1; b < sample.Length; b++) result[b][a] = result[a][b];
        return result;
    }

    /// <summary>
    /// Mean silhouette (Rousseeuw 1987) of the sample: per point (b − a) / max(a, b) with a the mean distance to its
    /// own cluster and b the lowest mean distance to another; points alone in their cluster score 0.
    /// </summary>
    public static double Silhouette(float[][] distances, int[] labels, int k) => Silhouette(distances, labels, null, k);

    /// <summary>
    /// The silhouette of a sample held as distinct points with multiplicities (<paramref name="counts"/>, null for all
    /// 1): the same value as over the sample with each point repeated its count of times (copies lie at distance 0 from
    /// each other), at the cost of the distinct points only.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Silhouette(float[][] distances, int[] labels, double[]? counts, int k)
    {
        int n = labels.Length;
        var sizes = new double[k];
        for (int i = 0; i < n; i++) sizes[labels[i]] += counts?[i] ?? 1;
        if (sizes.Count(s => s > 0) < 2) return 0;
        double total = 0, all = 0;
        var sums = new double[k];
        for (int i = 0; i < n; i++)
        {
            double weight = counts?[i] ?? 1;
            all += weight;
            Array.Clear(sums);
            if (counts is null)
                for (int j = 0; j < n; j++) { if (j != i) sums[labels[j]] += distances[i][j]; }
            else
                for (int j = 0; j < n; j++) { if (j != i) sums[labels[j]] += counts[j] * distances[i][j]; }
            int own = labels[i];
            if (sizes[own] <= 1) continue;
            double a = sums[own] / (sizes[own] - 1);
            double b = double.MaxValue;
            for (int c = 0; c < k; c++) if (c != own && sizes[c] > 0) b = Math.Min(b, sums[c] / sizes[c]);
            double m = Math.Max(a, b);
            total += weight * (m > 0 ? (b - a) / m : 0);
        }
        return total / all;
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
    /// of a cluster's points to its centroid (weighted by <paramref name="weights"/>, null for all 1). Lower is better.
    /// </summary>
    public static double DaviesBouldin(float[][] points, int[] labels, int k, double[]? weights = null)
    {
        int d = points[0].Length;
        var centroids = new float[k][];
        var sizes = new double[k];
        for (int c = 0; c < k; c++) centroids[c] = new float[d];
        for (int i = 0; i < points.Length; i++)
        {
            double w = weights?[i] ?? 1;
            if (w == 1) TensorPrimitives.Add(centroids[labels[i]], points[i], centroids[labels[i]]);
            else TensorPrimitives.MultiplyAdd(points[i], (float)w, centroids[labels[i]], centroids[labels[i]]);
            sizes[labels[i]] += w;
        }
        for (int c = 0; c < k; c++) if (sizes[c] > 0) TensorPrimitives.Divide(centroids[c], (float)sizes[c], centroids[c]);
        var scatter = new double[k];
        for (int i = 0; i < points.Length; i++) scatter[labels[i]] += (weights?[i] ?? 1) * TensorPrimitives.Distance(points[i], centroids[labels[i]]);
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
