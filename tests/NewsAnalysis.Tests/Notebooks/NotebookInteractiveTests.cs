using System.Runtime.Loader;
using NewsAnalysis.Interactive;

namespace NewsAnalysis.Tests;

/// <summary>The notebook adapter of the setup cell: harmless outside the kernel, and its kernel registration works against the Formatting API.</summary>
public class NotebookInteractiveTests
{
    [Fact]
    public void Enable_outside_the_kernel_only_installs_the_FSharp_Core_binding()
    {
        Assert.False(NotebookSupport.InKernel);
        Assert.NotNull(CorpusCharts.ArticleWords(TestData.Seeds)); // loads Plotly.NET and FSharp.Core
        NotebookSupport.Enable();
        NotebookSupport.Enable();
        var loaded = FSharpCoreBinding.Resolve(AssemblyLoadContext.Default, new System.Reflection.AssemblyName("FSharp.Core, Version=99.0.0.0"));
        Assert.NotNull(loaded);
        Assert.Equal("FSharp.Core", loaded.GetName().Name);
        Assert.Null(FSharpCoreBinding.Resolve(AssemblyLoadContext.Default, new System.Reflection.AssemblyName("Something.Else")));
    }

    [Fact]
    public void Chart_formatter_registers_with_the_kernel_Formatter_by_reflection()
    {
        var chart = CorpusCharts.ArticleWords(TestData.Seeds);
        NotebookSupport.RegisterFormatters(typeof(Microsoft.DotNet.Interactive.Formatting.Formatter));
        var html = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(chart, "text/html");
        Assert.Contains("class=\"news-chart\"", html);
        Assert.Contains(ChartHtml.CdnUrl, html);
        Assert.Contains("Plotly.newPlot(", html);
        Assert.Contains(TestData.Seeds.Articles[0].Id, html);
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
