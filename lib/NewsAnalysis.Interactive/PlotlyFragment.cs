using System.Reflection;
using System.Text;

// This file is compiled into two assemblies that must not depend on each other: the notebook adapter
// (NewsAnalysis.Interactive, public API) and the kernel (news-kernel, internal: the kernel's runtime holds nothing of
// Plotly.NET or of the library, it reads charts by reflection).
#if NEWS_KERNEL
namespace NewsAnalysis.Kernel;
#else
namespace NewsAnalysis.Interactive;
#endif

/// <summary>Where a chart's HTML gets plotly.js from.</summary>
#if NEWS_KERNEL
internal
#else
public
#endif
enum PlotlyScriptSource
{
    /// <summary>The page already holds plotly.js once (self-contained reports): the chart only calls <c>Plotly.newPlot</c>.</summary>
    Page,

    /// <summary>Load plotly.js from the CDN when the page has none (needs a network).</summary>
    Cdn,

    /// <summary>
    /// The fragment carries plotly.js itself and defines <c>window.Plotly</c> when the page has none: the first chart
    /// of a notebook session, so a notebook frontend draws charts offline.
    /// </summary>
    Inline,

    /// <summary>
    /// Use the <c>window.Plotly</c> an earlier output of the same notebook defined (see <see cref="Inline"/>), waiting
    /// for it while earlier outputs render; only if none appears within 5 s (that output was cleared) fall back to the CDN.
    /// </summary>
    Shared,
}

/// <summary>
/// Writes the HTML fragment that draws one Plotly figure (given as JSON) into a div with a caller-chosen id. Written
/// by hand because Plotly.NET's own HTML uses random GUIDs and one CDN script tag per chart, while reports need stable
/// ids and plotly.js once per page, and notebooks need it once per session. '&lt;', '&gt;' and '&amp;' in the figure
/// are written as JSON escapes so text from the data can never close the script element.
/// </summary>
#if NEWS_KERNEL
internal
#else
public
#endif
static class PlotlyFragment
{
    private const string ResourcePrefix = "Plotly.NET.plotly-";
    private const string ResourceSuffix = ".min.js";

    /// <summary>The CDN address of a plotly.js version.</summary>
    public static string CdnUrl(string version) => $"https://cdn.plot.ly/plotly-{version}.min.js";

    /// <summary>
    /// The fragment drawing <paramref name="figureJson"/> (already passed through <see cref="EscapeForScript"/>) as wide
    /// as its container. <paramref name="plotly"/> is the plotly.js to inline for <see cref="PlotlyScriptSource.Inline"/>
    /// (and whose version the CDN fallbacks load).
    /// </summary>
    public static string Render(string figureJson, string elementId, PlotlyScriptSource source, PlotlyScript plotly)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        ArgumentNullException.ThrowIfNull(plotly);
        if (string.IsNullOrEmpty(elementId) || elementId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new ArgumentException($"Chart element id '{elementId}' must be ASCII letters, digits, '-' or '_'.", nameof(elementId));
        // Plotly.NET writes its default 600 px width into every layout; the chart takes the page's width instead
        // (responsive), keeping its height.
        var draw = $"delete f.layout.width;Plotly.newPlot('{elementId}',f.data,f.layout,Object.assign({{responsive:true}},f.config));";
        var cdn = $"var s=document.createElement('script');s.src='{CdnUrl(plotly.Version)}';s.onload=d;document.head.appendChild(s);";
        var script = source switch
        {
            PlotlyScriptSource.Page => draw,
            PlotlyScriptSource.Cdn => "var d=function(){" + draw + "};if(window.Plotly){d();return;}" + cdn,
            PlotlyScriptSource.Shared => "var d=function(){" + draw + "};if(window.Plotly){d();return;}"
                + "var n=0,t=setInterval(function(){if(window.Plotly){clearInterval(t);d();}else if(++n>50){clearInterval(t);" + cdn + "}},100);",
            PlotlyScriptSource.Inline => draw,
            _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
        };
        var fragment = new StringBuilder($"<div id=\"{elementId}\" class=\"news-chart\"></div>\n");
        // plotly.js is a UMD bundle: with require.js on the page (classic Jupyter Notebook) it would register as an AMD
        // module instead of window.Plotly, so it runs in a scope where define/module/exports are undefined.
        if (source == PlotlyScriptSource.Inline)
            fragment.Append("<script>(function(){if(window.Plotly)return;var define,module,exports;\n").Append(plotly.ScriptElementSafe).Append("\n}).call(window);</script>\n");
        return fragment.Append($"<script>(function(){{var f={figureJson};{script}}})();</script>").ToString();
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

    /// <summary>The plotly.js bundle Plotly.NET embeds as a resource of its own assembly.</summary>
    public static PlotlyScript ReadEmbedded(Assembly plotlyNet)
    {
        ArgumentNullException.ThrowIfNull(plotlyNet);
        var name = plotlyNet.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"{plotlyNet.GetName().Name} embeds no {ResourcePrefix}*{ResourceSuffix} resource.");
        using var stream = plotlyNet.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new PlotlyScript(name[ResourcePrefix.Length..^ResourceSuffix.Length], reader.ReadToEnd());
    }
}

/// <summary>A plotly.js bundle and its version.</summary>
/// <param name="Version">The plotly.js version (e.g. 2.28.0).</param>
/// <param name="Script">The minified bundle.</param>
#if NEWS_KERNEL
internal
#else
public
#endif
sealed record PlotlyScript(string Version, string Script)
{
    private string? safe;

    /// <summary>The bundle made safe inside a script element ("&lt;/script" written as "&lt;\/script").</summary>
    public string ScriptElementSafe => safe ??= Script.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
}
