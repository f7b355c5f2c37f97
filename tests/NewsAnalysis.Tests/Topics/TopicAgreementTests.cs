namespace NewsAnalysis.Tests;

/// <summary>NMI and ARI on examples worked by hand (the contingency tables are in the comments).</summary>
public class TopicAgreementTests
{
    [Fact]
    public void Identical_partitions_under_other_names_score_one()
    {
        int[] a = [0, 0, 1, 1, 2, 2];
        string[] b = ["x", "x", "y", "y", "z", "z"];
        Assert.Equal(1.0, TopicAgreement.NormalizedMutualInformation(a, b), 12);
        Assert.Equal(1.0, TopicAgreement.AdjustedRandIndex(a, b), 12);
    }

    [Fact]
    public void Worked_example_three_against_two_groups()
    {
        // a = {0,0,0 | 1,1,1}, b = {0,0 | 1,1 | 2,2}; table [[2,1,0],[0,1,2]], n = 6.
        // I = 2·(2/6)ln(6·2/(3·2)) + 2·(1/6)ln(6·1/(3·2)) = (2/3) ln 2; H(a) = ln 2; H(b) = ln 3.
        // NMI = (2/3) ln 2 / ((ln 2 + ln 3) / 2) = 0.515803742979...
        // ARI: Σ C(nij,2) = 2, Σ C(ai,2) = 6, Σ C(bj,2) = 3, C(6,2) = 15; expected 6·3/15 = 1.2, max 4.5;
        // (2 − 1.2) / (4.5 − 1.2) = 0.242424...
        int[] a = [0, 0, 0, 1, 1, 1];
        int[] b = [0, 0, 1, 1, 2, 2];
        Assert.Equal(2.0 / 3 * Math.Log(2) / ((Math.Log(2) + Math.Log(3)) / 2), TopicAgreement.NormalizedMutualInformation(a, b), 12);
        Assert.Equal(0.8 / 3.3, TopicAgreement.AdjustedRandIndex(a, b), 12);
        Assert.Equal(TopicAgreement.NormalizedMutualInformation(a, b), TopicAgreement.NormalizedMutualInformation(b, a), 12);
    }

    [Fact]
    public void Independent_partitions_have_no_mutual_information_and_negative_ari()
    {
        // Table [[1,1],[1,1]]: I = 0. ARI: Σ C(nij,2) = 0, rows 2, cols 2, C(4,2) = 6; expected 2/3, max 2 → −0.5.
        int[] a = [0, 0, 1, 1];
        int[] b = [0, 1, 0, 1];
        Assert.Equal(0.0, TopicAgreement.NormalizedMutualInformation(a, b), 12);
        Assert.Equal(-0.5, TopicAgreement.AdjustedRandIndex(a, b), 12);
    }

    [Fact]
    public void Labellings_of_different_length_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => TopicAgreement.AdjustedRandIndex(new[] { 1, 2 }, new[] { 1 }));
        Assert.Contains("2 and 1", e.Message);
    }
}
