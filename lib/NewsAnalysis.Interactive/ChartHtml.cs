using System.Text;
using Plotly.NET;

namespace NewsAnalysis.Interactive;

/// <summary>Where a chart's HTML gets plotly.js from.</summary>
public enum PlotlyScriptSource
{
    /// <summary>The page already holds plotly.js once (self-contained reports): the chart only calls <c>Plotly.newPlot</c>.</summary>
    Page,

    /// <summary>Load plotly.js from the CDN when the page has none (VS Code notebooks, online).</summary>
    Cdn,
}

/// <summary>
/// Turns a Plotly.NET chart into an HTML fragment with a caller-chosen element id (Plotly.NET's own HTML uses random
/// GUIDs and a CDN script tag per chart; reports need stable ids and plotly.js once per page). The figure JSON comes
/// from Plotly.NET (<see cref="GenericChart.toJson"/>); '&lt;', '&gt;' and '&amp;' are written as JSON escapes so
/// text from the data (hover titles) can never close the script element.
/// </summary>
public static class ChartHtml
{
    private const string PlotlyResourcePrefix = "Plotly.NET.plotly-";
    private const string PlotlyResourceSuffix = ".min.js";
    private static readonly Lazy<(string Version, string Script)> embedded = new(ReadEmbeddedPlotly);

    /// <summary>The plotly.js version embedded in Plotly.NET.dll (e.g. 2.28.0).</summary>
    public static string PlotlyJsVersion => embedded.Value.Version;

    /// <summary>The plotly.js bundle embedded in Plotly.NET.dll (minified, about 3.6 MB), for a page to include once.</summary>
    public static string PlotlyJs => embedded.Value.Script;

    /// <summary>The CDN address of the embedded plotly.js version.</summary>
    public static string CdnUrl => $"https://cdn.plot.ly/plotly-{PlotlyJsVersion}.min.js";

    /// <summary>The figure (data, layout, config) as JSON safe to place inside a script element.</summary>
    public static string FigureJson(GenericChart chart) => EscapeForScript(GenericChart.toJson(chart));

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
    public static string Render(string figureJson, string elementId, PlotlyScriptSource source)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        if (string.IsNullOrEmpty(elementId) || elementId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new ArgumentException($"Chart element id '{elementId}' must be ASCII letters, digits, '-' or '_'.", nameof(elementId));
        // Plotly.NET writes its default 600 px width into every layout; the chart takes the page's width instead
        // (responsive), keeping its height.
        var draw = $"delete f.layout.width;Plotly.newPlot('{elementId}',f.data,f.layout,Object.assign({{responsive:true}},f.config));";
        var script = source == PlotlyScriptSource.Page
            ? draw
            : "var d=function(){" + draw + "};if(window.Plotly){d();return;}"
              + $"var s=document.createElement('script');s.src='{CdnUrl}';s.onload=d;document.head.appendChild(s);";
        return $"<div id=\"{elementId}\" class=\"news-chart\"></div>\n<script>(function(){{var f={figureJson};{script}}})();</script>";
    }

    /// <summary>Replaces the characters that could end a script element or start markup with JSON unicode escapes.</summary>
    public static string EscapeForScript(string json)
    {
        var sb = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            sb.Append(c switch
            {
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u2028' => "\\u2028",
                '\u2029' => "\\u2029",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static (string, string) ReadEmbeddedPlotly()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(PlotlyResourcePrefix, StringComparison.Ordinal) && n.EndsWith(PlotlyResourceSuffix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} embeds no {PlotlyResourcePrefix}*{PlotlyResourceSuffix} resource.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return (name[PlotlyResourcePrefix.Length..^PlotlyResourceSuffix.Length], reader.ReadToEnd());
    }
}
