using System.Globalization;

namespace NewsAnalysis;

/// <summary>Explains the automatic choice of k from the per-k scores: why the chosen k won, and when the curve is too flat to say.</summary>
internal static class TopicKChoice
{
    /// <summary>Silhouettes spread over less than this (max − min over the k tried) make a flat curve: no k stands out.</summary>
    public const double FlatSpread = 0.01;

    /// <summary>The reason for the k at <paramref name="peak"/> (the first peak of the silhouette).</summary>
    public static string Reason(IReadOnlyList<TopicKScore> scores, int peak)
    {
        var chosen = scores[peak];
        var best = scores.OrderByDescending(s => s.Silhouette).ThenBy(s => s.K).First();
        var parts = new List<string> { $"k = {chosen.K} is the first peak of the silhouette over k = {scores[0].K}..{scores[^1].K}: {F(chosen.Silhouette)}" };
        if (peak > 0) parts.Add($"against {F(scores[peak - 1].Silhouette)} at k = {scores[peak - 1].K}");
        if (peak + 1 < scores.Count) parts.Add($"and {F(scores[peak + 1].Silhouette)} at k = {scores[peak + 1].K}");
        var reason = string.Join(" ", parts);
        if (best.K != chosen.K) reason += $"; the highest is {F(best.Silhouette)} at k = {best.K}, a finer split the first peak passes over";
        return reason + ".";
    }

    /// <summary>A note when the silhouettes over the k tried spread less than <see cref="FlatSpread"/>, or null.</summary>
    public static string? FlatNote(IReadOnlyList<TopicKScore> scores, int chosen)
    {
        if (scores.Count < 2) return null;
        double min = scores.Min(s => s.Silhouette), max = scores.Max(s => s.Silhouette);
        if (max - min >= FlatSpread) return null;
        return $"the silhouette is flat over k = {scores[0].K}..{scores[^1].K} ({F(min)} to {F(max)}): no k stands out, so automatic k = {chosen} is a guess; give k explicitly.";
    }

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
}
