using Microsoft.Data.Analysis;
using Plotly.NET;
using Plotly.NET.CSharp;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace NewsAnalysis;

/// <summary>Charts of the sentiment frames (Plotly.NET). They never choose how plotly.js is loaded.</summary>
public static class SentimentCharts
{
    private static readonly Color PositiveColor = Color.fromString("#1a9850");
    private static readonly Color NegativeColor = Color.fromString("#d73027");
    private static readonly Color NeutralColor = Color.fromString("#bdbdbd");

    /// <summary>
    /// Article tone side by side, from <see cref="SentimentAnalysis.ArticleFrame"/>: per article, bars for the mean
    /// positive share (up) and negative share (down), and the mean compound as a marker. Three traces: Positive,
    /// Negative (plotted as negative values), Compound.
    /// </summary>
    public static GenericChart ArticleTone(DataFrame articles)
    {
        var names = Labels(articles);
        var positive = Doubles(articles, "Positive");
        var negative = Doubles(articles, "Negative").Select(v => -v).ToList();
        var compound = Doubles(articles, "Compound");
        var chart = CSharpChart.Combine(
        [
            CSharpChart.Column<double, string, string>(positive, Keys: names, Name: "Positive share", MarkerColor: PositiveColor),
            CSharpChart.Column<double, string, string>(negative, Keys: names, Name: "Negative share", MarkerColor: NegativeColor),
            CSharpChart.Point<string, double, string>(names, compound, Name: "Compound (mean)"),
        ]);
        return ChartTitle.Apply(chart, "Article tone: mean sentence sentiment");
    }

    /// <summary>Articles up to which <see cref="SentenceDistribution"/> draws one histogram per article; above, one for all.</summary>
    public const int DistributionTracesMax = 12;

    /// <summary>
    /// The distribution of sentence compound scores from <see cref="SentimentAnalysis.SentenceFrame(NewsCorpus, VaderSentimentAnalyzer?)"/>:
    /// one histogram trace per article (in order of first appearance) up to <see cref="DistributionTracesMax"/> articles;
    /// above that one histogram of every sentence, named by the number of articles (thousands of overlaid histograms
    /// and legend entries say nothing, and made the chart's cost grow with articles × sentences).
    /// </summary>
    public static GenericChart SentenceDistribution(DataFrame sentences)
    {
        var ids = FrameColumns.Column(sentences, "ArticleId").Cast<string>().ToList();
        var compound = Doubles(sentences, "Compound");
        var byArticle = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < ids.Count; i++)
        {
            if (!byArticle.TryGetValue(ids[i], out var values)) { byArticle[ids[i]] = values = []; order.Add(ids[i]); }
            values.Add(compound[i]);
        }
        var traces = order.Count <= DistributionTracesMax
            ? order.Select(id => CSharpChart.Histogram<double, double, string>(X: byArticle[id], Name: id, Opacity: 0.6)).ToList()
            : [CSharpChart.Histogram<double, double, string>(X: compound, Name: $"all {order.Count:N0} articles", Opacity: 0.6)];
        // Plotly.NET cannot combine zero charts: with no sentence the chart is one empty, named trace.
        if (traces.Count == 0) traces.Add(CSharpChart.Histogram<double, double, string>(X: Array.Empty<double>(), Name: "no sentences"));
        var chart = CSharpChart.Combine(traces).WithXAxisStyle<double, double, string>(TitleText: "Sentence compound score (-1 … +1)");
        return ChartTitle.Apply(chart, "Distribution of sentence sentiment");
    }

    /// <summary>
    /// Tone toward each entity as a diverging horizontal bar chart, from <see cref="EntitySentiment.OverallFrame"/>:
    /// mean compound of the sentences mentioning the entity, most negative at the bottom. Two traces (negative
    /// entities in red, the others in green); bar text gives the number of sentences.
    /// </summary>
    public static GenericChart EntityTone(DataFrame entities, int top = 15)
    {
        var compound = Doubles(entities, "Compound");
        var sentences = FrameColumns.Column(entities, "Sentences");
        var rows = Labels(entities, "Entity")
            .Select((name, i) => (Name: name, Compound: compound[i], Sentences: Convert.ToInt32(sentences[i])))
            .OrderByDescending(r => r.Sentences).ThenBy(r => r.Name, StringComparer.Ordinal).Take(top)
            .OrderBy(r => r.Compound).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var negative = rows.Where(r => r.Compound < 0).ToList();
        var positive = rows.Where(r => r.Compound >= 0).ToList();
        var chart = CSharpChart.Combine(
        [
            CSharpChart.Bar<double, string, string>(negative.Select(r => r.Compound), Keys: negative.Select(r => r.Name).ToList(),
                Name: "More negative", MarkerColor: NegativeColor, MultiText: negative.Select(r => $"{r.Sentences} sentences").ToList()),
            CSharpChart.Bar<double, string, string>(positive.Select(r => r.Compound), Keys: positive.Select(r => r.Name).ToList(),
                Name: "More positive", MarkerColor: positive.Count > 0 && positive.All(r => r.Compound == 0) ? NeutralColor : PositiveColor,
                MultiText: positive.Select(r => $"{r.Sentences} sentences").ToList()),
        ]).WithXAxisStyle<double, double, string>(TitleText: "Mean compound of the sentences that mention it");
        return ChartTitle.Apply(chart, "Tone toward each entity");
    }

    private static List<string> Labels(DataFrame frame, string column = "Title")
    {
        if (column == "Title" && FrameColumns.Has(frame, "Title"))
            return frame.Columns["Title"].Cast<string?>().Select((t, i) => Shorten(t ?? (string)FrameColumns.Column(frame, "ArticleId")[i])).ToList();
        return FrameColumns.Column(frame, column).Cast<string?>().Select(t => t ?? "").ToList();
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..39] + "…";

    private static List<double> Doubles(DataFrame frame, string column) =>
        FrameColumns.Column(frame, column).Cast<object?>().Select(v => v is null ? double.NaN : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
