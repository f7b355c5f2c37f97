using System.Runtime.Loader;
using NewsAnalysis.Interactive;

namespace NewsAnalysis.Tests;

/// <summary>The notebook adapter of the setup cell: does nothing outside .NET Interactive, and its kernel registration works against the Formatting API.</summary>
public class NotebookInteractiveTests
{
    [Fact]
    public void Enable_outside_the_dotnet_interactive_kernel_does_nothing()
    {
        Assert.False(NotebookSupport.InKernel);
        NotebookSupport.Enable();
        NotebookSupport.Enable();
        Assert.False(FSharpCoreBinding.IsInstalled);
    }

    [Fact]
    public void The_FSharp_Core_binding_answers_with_the_loaded_copy_and_only_for_FSharp_Core()
    {
        Assert.NotNull(CorpusCharts.ArticleWords(TestData.Seeds)); // loads Plotly.NET and FSharp.Core
        var loaded = FSharpCoreBinding.Resolve(AssemblyLoadContext.Default, new System.Reflection.AssemblyName("FSharp.Core, Version=99.0.0.0"));
        Assert.NotNull(loaded);
        Assert.Equal("FSharp.Core", loaded.GetName().Name);
        Assert.Null(FSharpCoreBinding.Resolve(AssemblyLoadContext.Default, new System.Reflection.AssemblyName("Something.Else")));
    }

    [Fact]
    public void Chart_formatter_registers_with_the_kernel_Formatter_and_only_the_first_chart_carries_plotly_js()
    {
        var chart = CorpusCharts.ArticleWords(TestData.Seeds);
        NotebookSupport.RegisterFormatters(typeof(Microsoft.DotNet.Interactive.Formatting.Formatter));
        var first = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(chart, "text/html");
        var second = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(chart, "text/html");
        foreach (var html in new[] { first, second })
        {
            Assert.Contains("class=\"news-chart\"", html);
            Assert.Contains("Plotly.newPlot(", html);
            Assert.Contains(TestData.Seeds.Articles[0].Id, html);
        }
        Assert.Contains(ChartHtml.PlotlyJs[..300], first);
        Assert.DoesNotContain(ChartHtml.PlotlyJs[..300], second);
        // The later chart waits for the first one's plotly.js and only then falls back to the CDN.
        Assert.Contains("window.Plotly", second);
        Assert.Contains(ChartHtml.CdnUrl, second);
    }

    [Fact]
    public void Embedded_plotly_is_the_version_Plotly_NET_ships()
    {
        Assert.Equal("2.28.0", ChartHtml.PlotlyJsVersion);
        Assert.StartsWith("/**", ChartHtml.PlotlyJs);
        Assert.Contains("plotly.js v2.28.0", ChartHtml.PlotlyJs[..500]);
        Assert.True(ChartHtml.PlotlyJs.Length > 3_000_000);
        Assert.Throws<ArgumentException>(() => ChartHtml.Render(CorpusCharts.ArticleWords(TestData.Seeds), "bad id\"", PlotlyScriptSource.Page));
    }
}
