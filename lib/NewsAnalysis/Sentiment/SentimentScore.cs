namespace NewsAnalysis;

/// <summary>
/// VADER's scores for one text, rounded as the reference prints them: <see cref="Compound"/> to 4 decimals,
/// <see cref="Positive"/>, <see cref="Neutral"/> and <see cref="Negative"/> to 3 (Python's round: half to even).
/// </summary>
/// <param name="Compound">Normalised sum of valences, -1 (most negative) … +1 (most positive).</param>
/// <param name="Positive">Share of the text's sentiment mass that is positive (0 … 1).</param>
/// <param name="Neutral">Share of the text that is neutral words (0 … 1).</param>
/// <param name="Negative">Share of the text's sentiment mass that is negative (0 … 1).</param>
public readonly record struct SentimentScore(double Compound, double Positive, double Neutral, double Negative)
{
    /// <summary>The usual threshold: compound ≥ 0.05 is positive, ≤ -0.05 negative, anything between neutral.</summary>
    public const double LabelThreshold = 0.05;

    /// <summary><c>positive</c>, <c>neutral</c> or <c>negative</c> by <see cref="LabelThreshold"/>.</summary>
    public string Label => LabelOf(Compound);

    /// <summary>The label of a compound score: <c>positive</c> (≥ 0.05), <c>negative</c> (≤ -0.05) or <c>neutral</c>.</summary>
    public static string LabelOf(double compound) =>
        compound >= LabelThreshold ? "positive" : compound <= -LabelThreshold ? "negative" : "neutral";
}
