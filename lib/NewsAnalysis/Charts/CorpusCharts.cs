using System.Globalization;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace NewsAnalysis;

/// <summary>Charts of the corpus itself (what the overview notebook shows). They return charts; how plotly.js is loaded is the caller's business.</summary>
public static class CorpusCharts
{
    /// <summary>Words per article, one column per article (id on the axis, title on hover), in corpus order.</summary>
    public static GenericChart ArticleWords(NewsCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var chart = CSharpChart.Column<int, string, string>(
            values: corpus.Articles.Select(a => a.Words).ToList(),
            Keys: corpus.Articles.Select(a => a.Id).ToList(),
            MultiText: corpus.Articles.Select(a => a.Title).ToList());
        return ChartTitle.Apply(chart, $"Words per article ({corpus.Articles.Count} articles)");
    }

    /// <summary>Articles per publication day; the title says how many have no known date (they cannot be placed).</summary>
    public static GenericChart PublicationDays(NewsCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var days = CorpusOverview.PublicationDays(corpus);
        var undated = corpus.Articles.Count(a => a.Published is null);
        var chart = CSharpChart.Column<int, string, string>(
            values: days.Select(d => d.Articles).ToList(),
            Keys: days.Select(d => d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList());
        return ChartTitle.Apply(chart, $"Articles per publication day ({undated} undated)");
    }
}
