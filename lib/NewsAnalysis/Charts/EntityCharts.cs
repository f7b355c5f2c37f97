using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Plotly.NET.TraceObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace NewsAnalysis;

/// <summary>Charts of entity analysis: co-occurrence heatmap, co-occurrence network, mentions per entity.</summary>
public static class EntityCharts
{
    /// <summary>
    /// A heatmap of <paramref name="matrix"/>: one row and one column per entity, cells counting the sentences that name
    /// both. The diagonal (sentences naming the entity alone) is drawn as 0 so that it does not swamp the colour scale.
    /// </summary>
    public static GenericChart Heatmap(EntityCooccurrence matrix, string title = "Entities named in the same sentence")
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var names = matrix.Entities.ToArray();
        var chart = CSharpChart.Heatmap<int, string, string, string>(
            zData: matrix.Counts.Select((row, i) => (IEnumerable<int>)row.Select((c, j) => i == j ? 0 : c).ToArray()).ToArray(),
            X: names,
            Y: names,
            Name: "sentences",
            ReverseYAxis: true);
        return Sized(ChartTitle.Apply(chart, title), names.Length);
    }

    /// <summary>
    /// A network of <paramref name="matrix"/>: entities on a circle (one marker trace per type, marker size by sentences
    /// naming the entity), one line per pair named together, its width by the number of such sentences. With no entity,
    /// one empty trace named "no entities".
    /// </summary>
    public static GenericChart Network(EntityCooccurrence matrix, string title = "Who is named with whom")
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.Entities.Count;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double angle = Math.PI / 2 - 2 * Math.PI * i / Math.Max(n, 1);
            x[i] = Math.Round(Math.Cos(angle), 6);
            y[i] = Math.Round(Math.Sin(angle), 6);
        }
        int maxPair = 1, maxNode = 1;
        for (int i = 0; i < n; i++)
        {
            maxNode = Math.Max(maxNode, matrix.Counts[i][i]);
            for (int j = i + 1; j < n; j++) maxPair = Math.Max(maxPair, matrix.Counts[i][j]);
        }
        var traces = new List<GenericChart>();
        foreach (var (i, j) in Edges(matrix))
        {
            int count = matrix.Counts[i][j];
            traces.Add(CSharpChart.Line<double, double, string>(
                x: [x[i], x[j]], y: [y[i], y[j]],
                Name: $"{matrix.Entities[i]} – {matrix.Entities[j]}",
                ShowLegend: false,
                Text: $"{matrix.Entities[i]} – {matrix.Entities[j]}: {count} sentence(s)",
                LineColor: Color.fromString("rgba(120,120,120,0.5)"),
                LineWidth: 1 + 7.0 * count / maxPair));
        }
        foreach (var type in matrix.Types.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var members = Enumerable.Range(0, n).Where(i => matrix.Types[i] == type).ToList();
            // Plotly.NET's F# initialisers take every option positionally from C#: set the one property on the dynamic object.
            var marker = new Marker();
            marker.SetProperty("size", members.Select(i => 10 + (int)Math.Round(30.0 * matrix.Counts[i][i] / maxNode)).ToArray());
            traces.Add(CSharpChart.Scatter<double, double, string>(
                x: members.Select(i => x[i]).ToArray(), y: members.Select(i => y[i]).ToArray(),
                mode: StyleParam.Mode.Markers_Text,
                Name: type,
                MultiText: members.Select(i => matrix.Entities[i]).ToArray(),
                TextPosition: StyleParam.TextPosition.TopCenter,
                Marker: marker));
        }
        // Plotly.NET cannot combine zero charts: with no entity the chart is one empty, named trace.
        if (traces.Count == 0) traces.Add(CSharpChart.Scatter<double, double, string>(x: [], y: [], mode: StyleParam.Mode.Markers, Name: "no entities"));
        var hidden = new LinearAxis();
        foreach (var property in new[] { "showgrid", "zeroline", "showticklabels" }) hidden.SetProperty(property, false);
        hidden.SetProperty("range", new[] { -1.45, 1.45 });   // room for the labels around the circle
        var chart = CSharpChart.Combine(traces);
        chart = Plotly.NET.Chart.withXAxis(hidden, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        chart = Plotly.NET.Chart.withYAxis(hidden, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        return Sized(ChartTitle.Apply(chart, title), n);
    }

    /// <summary>A horizontal bar chart of the <paramref name="top"/> most mentioned entities of <paramref name="analysis"/>.</summary>
    public static GenericChart Mentions(EntityAnalysis analysis, int top = 20, string title = "Most mentioned entities")
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var rows = analysis.Mentions.GroupBy(m => m.Entity, StringComparer.Ordinal)
            .Select(g => (Entity: g.Key, Count: g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Entity, StringComparer.Ordinal).Take(top).Reverse().ToList();
        var chart = CSharpChart.Bar<int, string, string>(values: rows.Select(r => r.Count).ToArray(), Keys: rows.Select(r => r.Entity).ToArray(), Name: "mentions");
        return ChartTitle.Apply(chart, title);
    }

    /// <summary>The pairs (i &lt; j) of the matrix named together at least once, in matrix order.</summary>
    internal static IEnumerable<(int I, int J)> Edges(EntityCooccurrence matrix)
    {
        for (int i = 0; i < matrix.Entities.Count; i++)
            for (int j = i + 1; j < matrix.Entities.Count; j++)
                if (matrix.Counts[i][j] > 0) yield return (i, j);
    }

    private static GenericChart Sized(GenericChart chart, int entities)
    {
        int side = Math.Clamp(200 + 28 * entities, 450, 900);
        return Plotly.NET.Chart.withSize(FSharpOption<int>.Some(side + 150), FSharpOption<int>.Some(side)).Invoke(chart);
    }
}
