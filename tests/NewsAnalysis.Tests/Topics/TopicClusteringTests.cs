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
}
