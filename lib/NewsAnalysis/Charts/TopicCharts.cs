using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace NewsAnalysis;

/// <summary>Charts of a <see cref="TopicModel"/>: the choice of k, the 2-D topic map, and topics over time.</summary>
public static class TopicCharts
{
    /// <summary>
    /// The scores behind the choice of k: silhouette (top, higher is better; the chosen k marked) and
    /// Davies–Bouldin index (bottom, lower is better) against k.
    /// </summary>
    public static GenericChart KChoice(TopicModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var scores = model.KScores.Where(s => !double.IsNaN(s.Silhouette)).ToList();
        var ks = scores.Select(s => s.K).ToList();
        var silhouette = CSharpChart.Line<int, double, string>(ks, scores.Select(s => s.Silhouette), ShowMarkers: true, Name: "silhouette");
        var chosen = scores.Where(s => s.K == model.K).ToList();
        var marker = CSharpChart.Point<int, double, string>(chosen.Select(s => s.K), chosen.Select(s => s.Silhouette), Name: $"chosen k = {model.K}");
        var daviesBouldin = CSharpChart.Line<int, double, string>(ks, scores.Select(s => s.DaviesBouldin), ShowMarkers: true, Name: "Davies–Bouldin");
        var top = CSharpChart.Combine([silhouette, marker]);
        var grid = CSharpChart.Grid([top, daviesBouldin], 2, 1);
        return ChartTitle.Apply(grid, $"Choosing k: silhouette (first peak chosen) and Davies–Bouldin, k = {model.K}");
    }

    /// <summary>
    /// The units on the first two principal components of their TF-IDF vectors, one trace per topic; hovering shows
    /// the article's title. Units without terms are left out.
    /// </summary>
    public static GenericChart Map(TopicModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var traces = model.Topics.Select(topic =>
        {
            var units = model.Assignments.Where(a => a.Topic == topic.Id).ToList();
            return CSharpChart.Point<double, double, string>(units.Select(a => a.X), units.Select(a => a.Y),
                Name: $"{topic.Id}: {topic.Label}", MultiText: new Plotly.NET.CSharp.Optional<IEnumerable<string>>(units.Select(a => model.Article(a).Title), true));
        }).ToList();
        var chart = CSharpChart.Combine(traces);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: "principal component 1");
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: "principal component 2");
        return ChartTitle.Apply(chart, $"Topic map ({model.Options.Unit.ToString().ToLowerInvariant()}s, PCA of TF-IDF)");
    }

    /// <summary>
    /// Units per topic per period (by the articles' publication dates), one line per topic. Undated articles are left
    /// out and counted in the title; with no dated article the chart has one empty trace named "no dated units".
    /// </summary>
    public static GenericChart OverTime(TopicModel model, TimelinePeriod period = TimelinePeriod.Month)
    {
        ArgumentNullException.ThrowIfNull(model);
        var frame = model.OverTimeFrame(period);
        var rows = Enumerable.Range(0, (int)frame.Rows.Count)
            .Select(r => (Period: (DateTime)frame["Period"][r]!, Topic: (int)frame["Topic"][r]!, Units: (int)frame["Units"][r]!))
            .ToList();
        var periods = rows.Select(r => r.Period).Distinct().Order().ToList();
        var traces = model.Topics.Where(t => rows.Any(r => r.Topic == t.Id)).Select(topic =>
        {
            // Every period appears on every line (0 when the topic is absent), so lines do not skip gaps.
            var units = periods.Select(p => rows.Where(r => r.Topic == topic.Id && r.Period == p).Sum(r => r.Units));
            return CSharpChart.Line<DateTime, int, string>(periods, units, ShowMarkers: true, Name: $"{topic.Id}: {topic.Label}");
        }).ToList();
        // Plotly.NET cannot combine zero charts: with no dated unit the chart is one empty, named trace.
        if (traces.Count == 0) traces.Add(CSharpChart.Line<DateTime, int, string>([], [], Name: "no dated units"));
        var chart = CSharpChart.Combine(traces);
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: "units");
        string undated = model.UndatedUnits > 0 ? $"; {model.UndatedUnits} undated unit(s) left out" : "";
        return ChartTitle.Apply(chart, $"Topics over time (per {period.ToString().ToLowerInvariant()}{undated})");
    }
}
