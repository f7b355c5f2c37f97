namespace NewsAnalysis.Tests;

/// <summary>The automatic k explains itself: why the chosen k won, and a note when the silhouette curve is flat.</summary>
public class TopicKChoiceTests
{
    private static List<TopicKScore> Scores(params double[] silhouettes) =>
        silhouettes.Select((s, i) => new TopicKScore(i + 2, s, 1.0, 10.0 - i)).ToList();

    [Fact]
    public void The_reason_names_the_peak_its_neighbours_and_a_higher_score_further_on()
    {
        var scores = Scores(0.082, 0.105, 0.126, 0.149, 0.148, 0.152, 0.165);
        int peak = TopicClustering.FirstPeak(scores.Select(s => s.Silhouette).ToList());
        Assert.Equal(3, peak);
        Assert.Equal("k = 5 is the first peak of the silhouette over k = 2..8: 0.149 against 0.126 at k = 4 and 0.148 at k = 6; " +
            "the highest is 0.165 at k = 8, a finer split the first peak passes over.", TopicKChoice.Reason(scores, peak));
        Assert.Null(TopicKChoice.FlatNote(scores, 5));
    }

    [Fact]
    public void A_flat_curve_is_said_to_be_a_guess()
    {
        var scores = Scores(0.051, 0.054, 0.052, 0.058, 0.055);
        Assert.Equal("the silhouette is flat over k = 2..6 (0.051 to 0.058): no k stands out, so automatic k = 3 is a guess; give k explicitly.",
            TopicKChoice.FlatNote(scores, 3));
    }
}
