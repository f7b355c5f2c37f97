using Microsoft.FSharp.Core;
using Plotly.NET;

namespace NewsAnalysis;

/// <summary>Sets a chart's title, for every chart builder.</summary>
internal static class ChartTitle
{
    // Plotly.NET.CSharp has no WithTitle, and F# optional parameters are not optional from C#: the F# API is called
    // with the font left out (None).
    public static GenericChart Apply(GenericChart chart, string title) =>
        Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(chart);
}
