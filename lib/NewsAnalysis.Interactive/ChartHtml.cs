using Plotly.NET;

namespace NewsAnalysis.Interactive;

/// <summary>
/// Turns a Plotly.NET chart into an HTML fragment with a caller-chosen element id (see <see cref="PlotlyFragment"/>),
/// with the plotly.js that Plotly.NET.dll embeds.
/// </summary>
public static class ChartHtml
{
    private static readonly Lazy<PlotlyScript> embedded = new(() => PlotlyFragment.ReadEmbedded(typeof(GenericChart).Assembly));

    /// <summary>The plotly.js bundle embedded in Plotly.NET.dll, with its version.</summary>
    public static PlotlyScript Plotly => embedded.Value;

    /// <summary>The plotly.js version embedded in Plotly.NET.dll (e.g. 2.28.0).</summary>
    public static string PlotlyJsVersion => embedded.Value.Version;

    /// <summary>The plotly.js bundle embedded in Plotly.NET.dll (minified, about 3.6 MB), for a page to include once.</summary>
    public static string PlotlyJs => embedded.Value.Script;

    /// <summary>The CDN address of the embedded plotly.js version.</summary>
    public static string CdnUrl => PlotlyFragment.CdnUrl(PlotlyJsVersion);

    /// <summary>The figure (data, layout, config) as JSON safe to place inside a script element.</summary>
    public static string FigureJson(GenericChart chart) => PlotlyFragment.EscapeForScript(GenericChart.toJson(chart));

    /// <summary>An HTML fragment drawing <paramref name="chart"/> into a div with id <paramref name="elementId"/>, as wide as its container.</summary>
    public static string Render(GenericChart chart, string elementId, PlotlyScriptSource source)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Render(FigureJson(chart), elementId, source);
    }

    /// <summary>
    /// <see cref="Render(GenericChart, string, PlotlyScriptSource)"/> of a figure already made by <see cref="FigureJson"/>,
    /// so one chart can be drawn for several script sources while serialised once.
    /// </summary>
    public static string Render(string figureJson, string elementId, PlotlyScriptSource source) =>
        PlotlyFragment.Render(figureJson, elementId, source, embedded.Value);

    /// <summary>Replaces the characters that could end a script element or start markup with JSON unicode escapes.</summary>
    public static string EscapeForScript(string json) => PlotlyFragment.EscapeForScript(json);
}
