using System.Globalization;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace NewsAnalysis;

/// <summary>
/// Plotly.NET charts of time: when the articles appeared, the events they tell of, tone and topics over time, and
/// volume by source. Every chart takes DataFrames laid out by the column contracts of CONTRIBUTING.md, so tone and
/// topic charts work with whatever the sentiment and topic concerns produce.
/// </summary>
/// <remarks>
/// Traces are built on Plotly.NET's dynamic-object layer (<see cref="Trace2D"/> with plotly.js attribute names)
/// because the typed C# chart functions cannot take nulls in a series (needed for gaps) nor hover text.
/// Dates are written as ISO <c>yyyy-MM-dd</c> strings on a date axis.
/// </remarks>
public static class TimelineCharts
{
    // Plotly's default qualitative palette (D3 category10), so that several traces of one article share a colour.
    private static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>
    /// Publication timeline: one marker per dated article on a date axis, one row per source, title and source on hover.
    /// Stated or metadata dates are filled markers; inferred dates are hollow. Undated articles are counted in the title.
    /// </summary>
    /// <param name="articles">Columns <c>ArticleId</c> (or <c>Id</c>), <c>Title</c>, <c>Source</c>, <c>Published</c>, <c>PublishedBasis</c>,
    /// as <see cref="TimelineEvents.PublicationFrame"/> or <see cref="NewsCorpus.ArticleFrame"/> give them.</param>
    public static GenericChart Publications(DataFrame articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var ids = FrameColumns.Strings(articles, FrameColumns.IdColumn(articles));
        var titles = FrameColumns.Strings(articles, "Title");
        var sources = FrameColumns.Strings(articles, "Source");
        var dates = FrameColumns.Dates(articles, "Published");
        var bases = FrameColumns.Strings(articles, "PublishedBasis");
        var rows = Enumerable.Range(0, ids.Count).Where(i => dates[i] is not null)
            .OrderBy(i => dates[i]).ThenBy(i => ids[i], StringComparer.Ordinal).ToList();
        int undated = ids.Count - rows.Count;
        var traces = new List<GenericChart>();
        foreach (var (name, inferred) in new[] { ("stated", false), ("inferred", true) })
        {
            var group = rows.Where(i => string.Equals(bases[i], "inferred", StringComparison.OrdinalIgnoreCase) == inferred).ToList();
            if (group.Count == 0) continue;
            traces.Add(Trace("scatter", new()
            {
                ["name"] = name + " date",
                ["mode"] = "markers",
                ["x"] = group.Select(i => Iso(dates[i])).ToArray(),
                ["y"] = group.Select(i => sources[i] ?? "unknown source").ToArray(),
                ["hovertext"] = group.Select(i => Hover(titles[i] ?? ids[i] ?? "", $"{sources[i] ?? "unknown source"} · {Iso(dates[i])} ({bases[i] ?? "unknown"})", ids[i])).ToArray(),
                ["hoverinfo"] = "text",
                ["marker"] = new Dictionary<string, object> { ["size"] = 12, ["symbol"] = inferred ? "circle-open" : "circle", ["line"] = new Dictionary<string, object> { ["width"] = 2 } },
            }));
        }
        var title = "When the articles appeared" + (undated > 0 ? $" ({undated} undated not shown)" : "");
        return Finish(traces, title, "published", "source");
    }

    /// <summary>Publication timeline of a corpus (see <see cref="Publications(DataFrame)"/>), from its <see cref="NewsCorpus.ProvenanceFrame"/>.</summary>
    public static GenericChart Publications(NewsCorpus corpus) => Publications(corpus.ProvenanceFrame());

    /// <summary>
    /// Event timeline: the dated events of all articles on one date axis, one row and one colour per article; days are
    /// markers (filled when the text gives the year, hollow when resolved from the publication date), spans are bars
    /// from start to end. Hover shows the expression, its dates and the sentence. Unresolved events are counted in the title.
    /// </summary>
    /// <param name="events">The Timeline events frame: <c>ArticleId, Sentence, Expression, Start, End, Granularity, Basis, Evidence</c>.</param>
    public static GenericChart Events(DataFrame events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ids = FrameColumns.Strings(events, "ArticleId");
        var expressions = FrameColumns.Strings(events, "Expression");
        var starts = FrameColumns.Dates(events, "Start");
        var ends = FrameColumns.Dates(events, "End");
        var bases = FrameColumns.Strings(events, "Basis");
        var evidence = FrameColumns.Strings(events, "Evidence");
        var dated = Enumerable.Range(0, ids.Count).Where(i => starts[i] is not null).ToList();
        int undated = ids.Count - dated.Count;
        var articles = dated.Select(i => ids[i]!).Distinct().Order(StringComparer.Ordinal).ToList();
        var traces = new List<GenericChart>();
        for (int a = 0; a < articles.Count; a++)
        {
            var id = articles[a];
            var color = Palette[a % Palette.Length];
            var mine = dated.Where(i => ids[i] == id).OrderBy(i => starts[i]).ThenBy(i => i).ToList();
            string HoverOf(int i) => Hover(expressions[i] ?? "", Iso(starts[i]) + (ends[i] != starts[i] ? " to " + Iso(ends[i]) : "") + $" ({bases[i]})", evidence[i] ?? "", id);
            var days = mine.Where(i => ends[i] is null || ends[i] == starts[i]).ToList();
            if (days.Count > 0)
                traces.Add(Trace("scatter", new()
                {
                    ["name"] = id,
                    ["legendgroup"] = id,
                    ["mode"] = "markers",
                    ["x"] = days.Select(i => Iso(starts[i])).ToArray(),
                    ["y"] = days.Select(_ => id).ToArray(),
                    ["hovertext"] = days.Select(HoverOf).ToArray(),
                    ["hoverinfo"] = "text",
                    ["marker"] = new Dictionary<string, object>
                    {
                        ["size"] = 11,
                        ["color"] = color,
                        ["symbol"] = days.Select(i => bases[i] == "relative" ? "circle-open" : "circle").ToArray(),
                        ["line"] = new Dictionary<string, object> { ["width"] = 2, ["color"] = color },
                    },
                }));
            var spans = mine.Where(i => ends[i] is not null && ends[i] != starts[i]).ToList();
            if (spans.Count > 0)
                traces.Add(Trace("scatter", new()
                {
                    ["name"] = id,
                    ["legendgroup"] = id,
                    ["showlegend"] = days.Count == 0,
                    ["mode"] = "lines",
                    // Each span is a segment start → end; a null between segments keeps them apart.
                    ["x"] = spans.SelectMany(i => new[] { Iso(starts[i]), Iso(ends[i]), null }).ToArray(),
                    ["y"] = spans.SelectMany(_ => new[] { id, id, null }).ToArray(),
                    ["hovertext"] = spans.SelectMany(i => new[] { HoverOf(i), HoverOf(i), null }).ToArray(),
                    ["hoverinfo"] = "text",
                    ["connectgaps"] = false,
                    ["opacity"] = 0.45,
                    ["line"] = new Dictionary<string, object> { ["width"] = 10, ["color"] = color },
                }));
        }
        var title = "Events the articles tell of" + (undated > 0 ? $" ({undated} without a known date not shown)" : "");
        return Finish(traces, title, "date", "article");
    }

    /// <summary>
    /// Tone over time: each article's compound sentiment as a point, and the mean per <paramref name="period"/> as a line
    /// broken where a period has no article (gaps are not interpolated).
    /// </summary>
    /// <param name="articleSentiment">Article-level sentiment: <c>ArticleId, Published, Compound</c> (a <c>Title</c> column is used for hover when present).</param>
    /// <param name="period">Bucket width of the mean line.</param>
    public static GenericChart ToneOverTime(DataFrame articleSentiment, TimelinePeriod period = TimelinePeriod.Month)
    {
        ArgumentNullException.ThrowIfNull(articleSentiment);
        var ids = FrameColumns.Strings(articleSentiment, "ArticleId");
        var dates = FrameColumns.Dates(articleSentiment, "Published");
        var scores = FrameColumns.Doubles(articleSentiment, "Compound");
        var titles = FrameColumns.Has(articleSentiment, "Title") ? FrameColumns.Strings(articleSentiment, "Title") : ids;
        var rows = Enumerable.Range(0, ids.Count).Where(i => dates[i] is not null && scores[i] is not null)
            .OrderBy(i => dates[i]).ThenBy(i => ids[i], StringComparer.Ordinal).ToList();
        var points = Trace("scatter", new()
        {
            ["name"] = "article",
            ["mode"] = "markers",
            ["x"] = rows.Select(i => Iso(dates[i])).ToArray(),
            ["y"] = rows.Select(i => scores[i]).ToArray(),
            ["hovertext"] = rows.Select(i => Hover(titles[i] ?? ids[i] ?? "", $"{Iso(dates[i])} · compound {scores[i]!.Value.ToString("0.###", CultureInfo.InvariantCulture)}", ids[i] ?? "")).ToArray(),
            ["hoverinfo"] = "text",
            ["marker"] = new Dictionary<string, object> { ["size"] = 9, ["opacity"] = 0.6 },
        });
        var mean = MeanLine("mean per " + Word(period), rows.Select(i => (dates[i]!.Value, scores[i]!.Value)), TimelinePeriods.Range(rows.Select(i => dates[i]!.Value), period), period);
        return Finish([points, mean], "Tone over time", "published", "compound sentiment (−1 to 1)");
    }

    /// <summary>
    /// Tone towards entities over time: for the <paramref name="top"/> entities found in the most articles, the mean compound
    /// sentiment of the articles (or sentences) mentioning them, per <paramref name="period"/>, with gaps where an entity is not mentioned.
    /// </summary>
    /// <param name="entitySentiment">Entity sentiment per article: <c>ArticleId, Entity, Compound</c>, plus <c>Published</c> unless <paramref name="articles"/> gives it.</param>
    /// <param name="articles">Optional article frame with <c>ArticleId</c> (or <c>Id</c>) and <c>Published</c>, used when <paramref name="entitySentiment"/> has no <c>Published</c>.</param>
    /// <param name="top">How many entities to draw.</param>
    /// <param name="period">Bucket width.</param>
    public static GenericChart EntityToneOverTime(DataFrame entitySentiment, DataFrame? articles = null, int top = 5, TimelinePeriod period = TimelinePeriod.Month)
    {
        ArgumentNullException.ThrowIfNull(entitySentiment);
        var ids = FrameColumns.Strings(entitySentiment, "ArticleId");
        var entities = FrameColumns.Strings(entitySentiment, "Entity");
        var scores = FrameColumns.Doubles(entitySentiment, "Compound");
        var dates = FrameColumns.PublishedOf(entitySentiment, articles, ids);
        var rows = Enumerable.Range(0, ids.Count).Where(i => dates[i] is not null && scores[i] is not null && entities[i] is not null).ToList();
        var buckets = TimelinePeriods.Range(rows.Select(i => dates[i]!.Value), period);
        var chosen = rows.GroupBy(i => entities[i]!)
            .OrderByDescending(g => g.Select(i => ids[i]).Distinct().Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(top).ToList();
        var traces = chosen.Select(g => MeanLine(g.Key, g.Select(i => (dates[i]!.Value, scores[i]!.Value)), buckets, period)).ToList();
        return Finish(traces, $"Tone towards the {chosen.Count} most covered entities, per {Word(period)}", "published", "mean compound sentiment");
    }

    /// <summary>
    /// Topic share over time: per <paramref name="period"/>, the share of units (articles or paragraphs) given to each topic,
    /// as stacked bars; periods without any article have no bar.
    /// </summary>
    /// <param name="topics">Topic assignments: <c>ArticleId, Topic, TopicLabel</c> (one row per unit), plus <c>Published</c> unless <paramref name="articles"/> gives it.</param>
    /// <param name="articles">Optional article frame with <c>ArticleId</c> (or <c>Id</c>) and <c>Published</c>.</param>
    /// <param name="period">Bucket width.</param>
    public static GenericChart TopicShareOverTime(DataFrame topics, DataFrame? articles = null, TimelinePeriod period = TimelinePeriod.Month)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var ids = FrameColumns.Strings(topics, "ArticleId");
        var labels = FrameColumns.Strings(topics, "TopicLabel");
        var topicIds = FrameColumns.Strings(topics, "Topic");
        var dates = FrameColumns.PublishedOf(topics, articles, ids);
        var rows = Enumerable.Range(0, ids.Count).Where(i => dates[i] is not null).ToList();
        var buckets = TimelinePeriods.Range(rows.Select(i => dates[i]!.Value), period);
        var perBucket = rows.GroupBy(i => TimelinePeriods.Floor(dates[i]!.Value, period)).ToDictionary(g => g.Key, g => g.Count());
        var traces = rows.GroupBy(i => labels[i] ?? topicIds[i] ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var counts = g.GroupBy(i => TimelinePeriods.Floor(dates[i]!.Value, period)).ToDictionary(b => b.Key, b => b.Count());
            object?[] share = buckets.Select(b => perBucket.TryGetValue(b, out var n) ? (object)((double)counts.GetValueOrDefault(b) / n) : null).ToArray();
            return Trace("bar", new()
            {
                ["name"] = g.Key,
                ["x"] = buckets.Select(b => (object?)Iso(b)).ToArray(),
                ["y"] = share,
                ["hovertext"] = buckets.Select(b => perBucket.TryGetValue(b, out var n)
                    ? (object)$"{Escape(g.Key)}<br>{Iso(b)}: {counts.GetValueOrDefault(b)} of {n}" : null).ToArray(),
                ["hoverinfo"] = "text",
            });
        }).ToList();
        return Finish(traces, $"Topic share per {Word(period)}", "published", "share of units", barMode: "stack");
    }

    /// <summary>Volume by source: number of dated articles per source and <paramref name="period"/>, as stacked bars.</summary>
    /// <param name="articles">Columns <c>Source</c> and <c>Published</c> (e.g. <see cref="NewsCorpus.ArticleFrame"/>).</param>
    /// <param name="period">Bucket width.</param>
    public static GenericChart VolumeBySource(DataFrame articles, TimelinePeriod period = TimelinePeriod.Month)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var sources = FrameColumns.Strings(articles, "Source");
        var dates = FrameColumns.Dates(articles, "Published");
        var rows = Enumerable.Range(0, sources.Count).Where(i => dates[i] is not null).ToList();
        var buckets = TimelinePeriods.Range(rows.Select(i => dates[i]!.Value), period);
        var traces = rows.GroupBy(i => sources[i] ?? "unknown source").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var counts = g.GroupBy(i => TimelinePeriods.Floor(dates[i]!.Value, period)).ToDictionary(b => b.Key, b => b.Count());
            return Trace("bar", new()
            {
                ["name"] = g.Key,
                ["x"] = buckets.Select(b => (object?)Iso(b)).ToArray(),
                ["y"] = buckets.Select(b => counts.GetValueOrDefault(b)).ToArray(),
                ["hovertext"] = buckets.Select(b => $"{Escape(g.Key)}<br>{Iso(b)}: {counts.GetValueOrDefault(b)} article(s)").ToArray(),
                ["hoverinfo"] = "text",
            });
        }).ToList();
        int undated = sources.Count - rows.Count;
        return Finish(traces, $"Articles per source and {Word(period)}" + (undated > 0 ? $" ({undated} undated not shown)" : ""), "published", "articles", barMode: "stack");
    }

    /// <summary>Volume by source of a corpus (see <see cref="VolumeBySource(DataFrame, TimelinePeriod)"/>), from its <see cref="NewsCorpus.ProvenanceFrame"/>.</summary>
    public static GenericChart VolumeBySource(NewsCorpus corpus, TimelinePeriod period = TimelinePeriod.Month) =>
        VolumeBySource(corpus.ProvenanceFrame(), period);

    // ---------------------------------------------------------------- helpers
    // A line of bucket means, null (a gap) where the bucket holds no value.
    private static GenericChart MeanLine(string name, IEnumerable<(DateTime Date, double Value)> values, IReadOnlyList<DateTime> buckets, TimelinePeriod period)
    {
        var means = values.GroupBy(v => TimelinePeriods.Floor(v.Date, period))
            .ToDictionary(g => g.Key, g => (Mean: g.Average(v => v.Value), Count: g.Count()));
        return Trace("scatter", new()
        {
            ["name"] = name,
            ["mode"] = "lines+markers",
            ["connectgaps"] = false,
            ["x"] = buckets.Select(b => (object?)Iso(b)).ToArray(),
            ["y"] = buckets.Select(b => means.TryGetValue(b, out var m) ? (object)Math.Round(m.Mean, 4) : null).ToArray(),
            ["hovertext"] = buckets.Select(b => means.TryGetValue(b, out var m)
                ? (object)$"{Escape(name)}<br>{Iso(b)}: mean {m.Mean.ToString("0.###", CultureInfo.InvariantCulture)} over {m.Count}" : null).ToArray(),
            ["hoverinfo"] = "text",
        });
    }

    private static GenericChart Trace(string type, Dictionary<string, object?> attributes)
    {
        var trace = new Trace2D(type);
        foreach (var (name, value) in attributes)
            if (value is not null) trace.SetProperty(name, value);
        return GenericChart.ofTraceObject(true, trace);
    }

    private static GenericChart Finish(IReadOnlyList<GenericChart> traces, string title, string xTitle, string yTitle, string? barMode = null)
    {
        var layout = new Layout();
        layout.SetProperty("xaxis", new Dictionary<string, object> { ["type"] = "date", ["title"] = new Dictionary<string, object> { ["text"] = xTitle } });
        layout.SetProperty("yaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = yTitle }, ["automargin"] = true });
        layout.SetProperty("hovermode", "closest");
        // Legend under the plot, so long article ids and topic labels do not squeeze the time axis.
        layout.SetProperty("legend", new Dictionary<string, object> { ["orientation"] = "h", ["yanchor"] = "top", ["y"] = -0.2 });
        if (barMode is not null) layout.SetProperty("barmode", barMode);
        var chart = traces.Count == 0 ? Trace("scatter", new() { ["x"] = Array.Empty<string>(), ["y"] = Array.Empty<string>(), ["showlegend"] = false }) : GenericChart.combine(traces);
        chart = GenericChart.addLayout(layout, chart);
        return ChartTitle.Apply(chart, title);
    }

    // Hover text: the first line bold, the rest wrapped; HTML-escaped (plotly renders hover text as HTML).
    private static string Hover(string head, params string?[] lines) =>
        "<b>" + Escape(head) + "</b>" + string.Concat(lines.Where(l => !string.IsNullOrEmpty(l)).Select(l => "<br>" + Wrap(Escape(l!))));

    // Only the characters that would be read as markup; other characters (é, ·) stay as they are.
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Wrap(string text, int width = 90)
    {
        if (text.Length <= width) return text;
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width) { lines.Add(line.ToString()); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        lines.Add(line.ToString());
        return string.Join("<br>", lines);
    }

    private static string? Iso(DateTime? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Word(TimelinePeriod period) => period.ToString().ToLowerInvariant();
}
