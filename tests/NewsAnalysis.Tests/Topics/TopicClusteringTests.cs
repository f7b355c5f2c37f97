namespace NewsAnalysis.Tests;

/// <summary>The k-choice scores on points worked by hand, and the first-peak rule.</summary>
public class TopicClusteringTests
{
    // Two tight pairs on a line: {0, 1} and {10, 11}.
    private static readonly float[][] Points = [[0f], [1f], [10f], [11f]];
    private static readonly int[] Labels = [0, 0, 1, 1];

    [Fact]
    public void Silhouette_of_two_pairs_matches_hand_computation()
    {
        // Point 0: a = 1, b = (10 + 11) / 2 = 10.5 → 9.5 / 10.5; point 1: a = 1, b = (9 + 10) / 2 = 9.5 → 8.5 / 9.5;
        // the other pair mirrors them. Mean = (9.5/10.5 + 8.5/9.5) / 2.
        var distances = TopicClustering.Distances(Points, [0, 1, 2, 3]);
        Assert.Equal((9.5 / 10.5 + 8.5 / 9.5) / 2, TopicClustering.Silhouette(distances, Labels, 2), 6);
    }

    [Fact]
    public void Davies_Bouldin_of_two_pairs_matches_hand_computation()
    {
        // Centroids 0.5 and 10.5, each point 0.5 from its centroid: (0.5 + 0.5) / 10 = 0.1.
        Assert.Equal(0.1, TopicClustering.DaviesBouldin(Points, Labels, 2), 6);
    }

    [Fact]
    public void A_worse_partition_scores_worse_on_both()
    {
        int[] mixed = [0, 1, 0, 1];
        var distances = TopicClustering.Distances(Points, [0, 1, 2, 3]);
        Assert.True(TopicClustering.Silhouette(distances, mixed, 2) < 0);
        Assert.True(TopicClustering.DaviesBouldin(Points, mixed, 2) > 1);
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.2, 0.15, 0.3 }, 1)]
    [InlineData(new[] { 0.3, 0.2, 0.1 }, 0)]
    [InlineData(new[] { 0.1, 0.2, 0.3 }, 2)]
    [InlineData(new[] { 0.1, 0.2, 0.2, 0.3 }, 1)]
    public void First_peak_is_the_first_k_not_beaten_by_the_next(double[] silhouettes, int expected)
    {
        Assert.Equal(expected, TopicClustering.FirstPeak(silhouettes));
    }

    [Fact]
    public void Seeded_sample_is_sorted_distinct_and_repeatable()
    {
        var a = TopicClustering.Sample(100, 10, seed: 7);
        Assert.Equal(a, TopicClustering.Sample(100, 10, seed: 7));
        Assert.Equal(10, a.Distinct().Count());
        Assert.Equal(a.Order(), a);
        Assert.Equal(Enumerable.Range(0, 5), TopicClustering.Sample(5, 10, seed: 7));
    }

    // Three tight blobs in 3-D, apart from each other.
    private static float[][] Blobs()
    {
        var random = new Random(5);
        float[][] centres = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
        return Enumerable.Range(0, 30).Select(i => centres[i % 3].Select(x => x + (float)(random.NextDouble() - 0.5) * 0.1f).ToArray()).ToArray();
    }

    [Fact]
    public void K_means_finds_separated_blobs_and_repeats_itself()
    {
        var points = Blobs();
        var options = new TopicOptions { Restarts = 4 };
        var run = TopicClustering.KMeans(points, null, 3, options);
        for (int i = 0; i < points.Length; i++) Assert.Equal(run.Labels[i % 3], run.Labels[i]);
        Assert.Equal(3, run.Labels.Distinct().Count());
        var again = TopicClustering.KMeans(points, null, 3, options);
        Assert.Equal(run.Labels, again.Labels);
        Assert.Equal(run.Inertia, again.Inertia);
        // The centroid is the mean of its points; the inertia the sum of squared distances to it.
        var members = points.Where((_, i) => run.Labels[i] == run.Labels[0]).ToArray();
        for (int j = 0; j < 3; j++) Assert.Equal(members.Average(p => p[j]), run.Centroids[run.Labels[0]][j], 5);
        double inertia = points.Select((p, i) => p.Select((x, j) => Math.Pow(x - run.Centroids[run.Labels[i]][j], 2)).Sum()).Sum();
        Assert.Equal(inertia, run.Inertia, 4);
    }

    [Fact]
    public void A_weighted_point_clusters_as_its_copies_would()
    {
        var points = Blobs();
        var weights = points.Select((_, i) => (double)(1 + i % 4)).ToArray();
        var copies = points.SelectMany((p, i) => Enumerable.Repeat(p, (int)weights[i])).ToArray();
        var options = new TopicOptions { Restarts = 3 };
        var weighted = TopicClustering.KMeans(points, weights, 3, options);
        var repeated = TopicClustering.KMeans(copies, null, 3, options);
        var expanded = points.SelectMany((_, i) => Enumerable.Repeat(weighted.Labels[i], (int)weights[i])).ToArray();
        Assert.Equal(1.0, TopicAgreement.AdjustedRandIndex(expanded.Select(l => l.ToString()).ToList(), repeated.Labels.Select(l => l.ToString()).ToList()), 9);
        Assert.Equal(repeated.Inertia, weighted.Inertia, 4);
        // The silhouette of distinct points with counts equals that of the sample holding the copies.
        var counts = weights;
        double compact = TopicClustering.Silhouette(TopicClustering.Distances(points, Enumerable.Range(0, points.Length).ToArray()), weighted.Labels, counts, 3);
        double full = TopicClustering.Silhouette(TopicClustering.Distances(copies, Enumerable.Range(0, copies.Length).ToArray()), expanded, 3);
        Assert.Equal(full, compact, 9);
    }

    [Fact]
    public void Equal_rows_form_one_group_weighted_by_their_count()
    {
        var groups = TopicGroups.OfTexts(["b", "a", "b", "c", "a", "b"]);
        Assert.Equal([0, 1, 3], groups.First);
        Assert.Equal([0, 1, 0, 2, 1, 0], groups.GroupOf);
        Assert.Equal([3.0, 2.0, 1.0], groups.Weights);
        Assert.False(groups.AllSingle);
        Assert.Equal(["x", "y", "x", "z", "y", "x"], groups.Expand(["x", "y", "z"]));
    }
}
