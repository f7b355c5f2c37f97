using Microsoft.Playwright;
using NewsAnalysis.Notebooks;
using static NewsAnalysis.Tests.NotebookTestKit;
using NewsAnalysis.Kernel;

namespace NewsAnalysis.Tests;

/// <summary>
/// Opens every generated report in Debian's headless Chromium (/usr/bin/chromium, driven by Playwright's bundled driver;
/// no browser download). Passes only if every chart drew (plotly's <c>svg.main-svg</c> in each chart div), the console
/// shows no error, no script threw, and the page made no network request (nothing but the report's own file).
/// </summary>
public class NotebookReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Theory]
    [MemberData(nameof(RepositoryNotebooks), MemberType = typeof(NotebookTestKit))]
    public async Task Report_draws_every_chart_offline_without_console_errors(string fileName)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        var run = RunRepositoryNotebook(fileName);
        Assert.True(run.Succeeded, Describe(run));
        var charts = run.Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>().Count(o => o.Value.IsChart);
        await AssertDrawsOfflineAsync(run.Notebook.Name + ".html", page => HtmlReport.WriteFile(run, page), charts);
    }

    /// <summary>
    /// A notebook frontend (VS Code, Jupyter) shows a notebook's outputs in one page, in order. Built from each
    /// kernel's own chart outputs, that page must draw every chart with no network: the first chart carries plotly.js,
    /// the others use it.
    /// </summary>
    [Theory]
    [InlineData("ours")]
    [InlineData("dotnet-interactive")]
    public async Task Notebook_outputs_draw_every_chart_offline_in_a_frontend(string kernel)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing.");
        const string notebook = "02-sentiment.ipynb";
        var outputs = kernel == "ours"
            ? RunRepositoryNotebook(notebook).Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>().Select(o => o.Value.NotebookHtml ?? o.Value.Html ?? "").ToList()
            : RealKernelRuns.Run(notebook, "seeds").SelectMany(c => c.Outputs).Select(o => o.Values.GetValueOrDefault("text/html") ?? "").ToList();
        var charts = outputs.Count(o => o.Contains("Plotly.newPlot", StringComparison.Ordinal));
        Assert.True(charts >= 2, $"{notebook} should show several charts, shows {charts}");
        await AssertDrawsOfflineAsync("outputs.html", page => File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n"
            + string.Join("\n", outputs.Select(o => "<div class=\"output\">" + o + "</div>")) + "\n</body></html>"), charts);
    }

    [Fact]
    public async Task A_page_that_needs_the_network_or_throws_is_caught()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing.");
        var dir = Directory.CreateTempSubdirectory("news-report-");
        try
        {
            // The checks must be able to fail: a CDN script tag and a throwing script.
            var page = Path.Combine(dir.FullName, "bad.html");
            File.WriteAllText(page, "<!DOCTYPE html><html><head><script src=\"https://cdn.plot.ly/plotly-2.28.0.min.js\"></script></head>"
                + "<body><div class=\"news-chart\"></div><script>Plotly.newPlot('x', []);</script></body></html>");
            var result = await OpenAsync(page);
            Assert.Contains(result.Requests, r => r.StartsWith("https://cdn.plot.ly/", StringComparison.Ordinal));
            Assert.NotEmpty(result.ConsoleErrors);
            Assert.Equal(1, result.ChartDivs);
            Assert.Equal(0, result.DrawnCharts);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // Writes a page into a fresh folder and opens it offline: every one of the charts drew, no console error, no
    // request but the page itself.
    private static async Task AssertDrawsOfflineAsync(string fileName, Action<string> write, int charts)
    {
        var dir = Directory.CreateTempSubdirectory("news-page-");
        try
        {
            var page = Path.Combine(dir.FullName, fileName);
            write(page);
            var result = await OpenAsync(page);
            Assert.Equal(charts, result.ChartDivs);
            Assert.Equal(charts, result.DrawnCharts);
            Assert.Empty(result.ConsoleErrors);
            Assert.Equal([new Uri(page).AbsoluteUri], result.Requests);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private sealed record BrowserResult(int ChartDivs, int DrawnCharts, List<string> ConsoleErrors, List<string> Requests);

    private static async Task<BrowserResult> OpenAsync(string file)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "assert") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add("uncaught: " + e);
        page.Request += (_, r) => requests.Add(r.Url);
        // Nothing may leave the machine: any non-file request is recorded above and then refused.
        await page.RouteAsync(url => !url.StartsWith("file:", StringComparison.Ordinal), route => route.AbortAsync());
        await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        var chartDivs = await page.Locator(".news-chart").CountAsync();
        var drawn = await page.Locator(".news-chart svg.main-svg").EvaluateAllAsync<int>(
            "els => new Set(els.map(e => e.closest('.news-chart'))).size");
        return new BrowserResult(chartDivs, drawn, errors, requests);
    }
}
