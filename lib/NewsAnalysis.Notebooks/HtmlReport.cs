using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsAnalysis.Interactive;
using NewsAnalysis.Kernel;

namespace NewsAnalysis.Notebooks;

/// <summary>How a report page looks.</summary>
public sealed record NotebookReportOptions
{
    /// <summary>Hide code cells (papermill/nbconvert <c>--no-input</c>); by default they are folded.</summary>
    public bool NoInput { get; init; }

    /// <summary>
    /// The id of the run (one <c>news report</c> or <c>news run</c>) that wrote the page, shown in its header and read back
    /// by the index, so pages of different runs in one folder are told apart; none when null.
    /// </summary>
    public string? RunId { get; init; }
}

/// <summary>
/// Renders an executed notebook as one self-contained HTML page that works offline: plotly.js (embedded in
/// Plotly.NET.dll) inlined once in the head when the page has a chart, markdown rendered by Markdig (raw HTML in
/// markdown is escaped), a table of contents, code folded in &lt;details&gt; (or hidden), outputs and errors in place,
/// and a header with data folder, article count, run time and package versions. Text from cells and data is
/// HTML-escaped; values that change between runs (times, runtime version) are wrapped in
/// <c>&lt;span class="volatile"&gt;</c> so the rest of the page is byte-stable.
/// </summary>
public static class HtmlReport
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    // plotly.js (about 3.6 MB) made safe inside a script element once per process, not once per page.
    private static readonly Lazy<string> InlinePlotlyJs = new(() => ChartHtml.PlotlyJs.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase));

    /// <summary>The page for one run.</summary>
    public static string Render(NotebookRun run, NotebookReportOptions? options = null)
    {
        options ??= new NotebookReportOptions();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var toc = new List<(int Level, string Id, string Text)>();
        var body = new StringBuilder();
        var hasChart = false;
        string? title = null;
        foreach (var (result, index) in run.Cells.Select((c, i) => (c, i)))
        {
            var cellId = Unique(ids, "cell-" + (index + 1).ToString(CultureInfo.InvariantCulture));
            var cell = result.Cell;
            switch (cell.Kind)
            {
                case NotebookCellKind.Markdown:
                    var (html, headings) = RenderMarkdown(cell.Source, ids);
                    title ??= headings.FirstOrDefault(h => h.Level == 1).Text;
                    toc.AddRange(headings);
                    body.Append($"<section class=\"cell markdown\" id=\"{cellId}\">\n{html}</section>\n");
                    break;
                case NotebookCellKind.Raw:
                    body.Append($"<section class=\"cell raw\" id=\"{cellId}\"><pre>{Escape(cell.Source)}</pre></section>\n");
                    break;
                default:
                    var outputs = result.Outputs;
                    if (options.NoInput && outputs.Count == 0 && result.Status != NotebookCellStatus.Skipped) break;
                    body.Append($"<section class=\"cell code {result.Status.ToString().ToLowerInvariant()}\" id=\"{cellId}\">\n");
                    if (!options.NoInput)
                    {
                        var label = result.ExecutionCount is int n ? $"In [{n}]" : "In [ ]";
                        var tag = cell.Tags.Count > 0 ? " · " + Escape(string.Join(", ", cell.Tags)) : "";
                        body.Append($"<details><summary>{label}{tag} <span class=\"volatile\">{Seconds(result.Duration)}</span></summary>")
                            .Append("<pre class=\"source\"><code>").Append(Escape(cell.Source)).Append("</code></pre></details>\n");
                    }
                    if (result.Status == NotebookCellStatus.Skipped) body.Append("<p class=\"skipped\">Not run: an earlier cell failed.</p>\n");
                    foreach (var output in outputs)
                    {
                        if (output is DisplayOutput { Value.IsChart: true }) hasChart = true;
                        if (output is ErrorOutput error)
                            toc.Add((2, cellId, $"Error in cell {result.ExecutionCount}: {error.Name}"));
                        body.Append(RenderOutput(output));
                    }
                    body.Append("</section>\n");
                    break;
            }
        }
        title ??= run.Notebook.Name;

        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n");
        if (hasChart)
        {
            // plotly.js (MIT licence, see its banner) embedded once for every chart of the page.
            page.Append("<script id=\"plotly-js\">\n").Append(InlinePlotlyJs.Value).Append("\n</script>\n");
        }
        page.Append("</head>\n<body>\n");
        page.Append(Header(run, title, options.RunId));
        page.Append("<nav class=\"toc\">\n<h2>Contents</h2>\n<ul>\n");
        foreach (var (level, id, text) in toc)
            page.Append($"<li class=\"toc-{level}\"><a href=\"#{id}\">{Escape(text)}</a></li>\n");
        page.Append("</ul>\n</nav>\n<main>\n").Append(body).Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Writes <see cref="Render"/> to <paramref name="path"/> (UTF-8, no BOM), whole or not at all (<see cref="AtomicFile"/>).</summary>
    public static void WriteFile(NotebookRun run, string path, NotebookReportOptions? options = null) =>
        AtomicFile.WriteAllText(path, Render(run, options));

    /// <summary>The index page linking the reports of <paramref name="reports"/> (file names relative to the index).</summary>
    public static string RenderIndex(IReadOnlyList<(NotebookRun Run, string FileName)> reports) =>
        RenderIndex(reports.Select(r => new NotebookReportEntry(r.FileName, Title(r.Run), r.Run.Succeeded, Status(r.Run), r.Run.Duration, r.Run.DataDir, r.Run.ArticleCount)).ToList());

    /// <summary>
    /// The index page linking every report with its status, run time, data folder, article count and the run that wrote
    /// it; the header gives the data folder and article count when all reports share them, the total run time, and the
    /// run, or how many runs the pages come from.
    /// </summary>
    public static string RenderIndex(IReadOnlyList<NotebookReportEntry> reports)
    {
        static string Count(int? n) => n is int c ? c.ToString(CultureInfo.InvariantCulture) : "unknown";
        var runs = reports.Select(r => r.RunId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>NewsAnalysis reports</title>\n<style>\n")
            .Append(Style).Append("</style>\n</head>\n<body>\n<header>\n<h1>NewsAnalysis reports</h1>\n");
        if (reports.Count > 0)
        {
            var folders = reports.Select(r => r.DataDir ?? "(not set)").Distinct(StringComparer.Ordinal).ToList();
            var counts = reports.Select(r => r.ArticleCount).Distinct().ToList();
            page.Append("<dl>\n")
                .Append($"<dt>Data folder</dt><dd>{Escape(folders.Count == 1 ? folders[0] : "several (see the table)")}</dd>\n")
                .Append($"<dt>Articles</dt><dd>{(folders.Count == 1 && counts.Count == 1 ? Count(counts[0]) : "several (see the table)")}</dd>\n")
                .Append($"<dt>Total run time</dt><dd><span class=\"volatile\">{Seconds(TimeSpan.FromTicks(reports.Sum(r => r.Duration?.Ticks ?? 0)))}</span></dd>\n");
            if (runs.Count == 1 && reports.All(r => r.RunId is not null))
                page.Append($"<dt>Run</dt><dd><span class=\"volatile\">{Escape(runs[0])}</span></dd>\n");
            else if (runs.Count > 0)
                page.Append($"<dt>Runs</dt><dd class=\"warning\">pages from {(reports.Any(r => r.RunId is null) ? "several runs" : $"{runs.Count} runs")} (see the table)</dd>\n");
            page.Append("</dl>\n");
        }
        page.Append("</header>\n<main>\n<table class=\"news-table\">\n<thead><tr><th>Notebook</th><th>Status</th><th>Run time</th><th>Written by run</th><th>Data folder</th><th>Articles</th></tr></thead>\n<tbody>\n");
        foreach (var report in reports)
        {
            page.Append($"<tr class=\"{(report.Succeeded ? "ok" : "failed")}\"><td><a href=\"{Escape(Uri.EscapeDataString(report.FileName))}\">{Escape(report.Title)}</a></td>")
                .Append($"<td>{Escape(report.Status)}</td><td><span class=\"volatile\">{(report.Duration is { } d ? Seconds(d) : "unknown")}</span></td>")
                .Append($"<td>{RunCell(report)}</td>")
                .Append($"<td>{Escape(report.DataDir ?? "(not set)")}</td><td class=\"num\">{Count(report.ArticleCount)}</td></tr>\n");
        }
        page.Append("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    // The run that wrote the page, and a note when the executed notebook beside it was written by another run.
    private static string RunCell(NotebookReportEntry report)
    {
        var cell = $"<span class=\"volatile\">{Escape(report.RunId ?? "unknown")}</span>";
        if (report.NotebookRunId is { } other && other != report.RunId)
            cell += $" <span class=\"warning\">({Escape(Path.ChangeExtension(report.FileName, ".ipynb"))} beside it: run <span class=\"volatile\">{Escape(other)}</span>)</span>";
        return cell;
    }

    /// <summary>The report's title: the first level-1 heading of the markdown, else the notebook name.</summary>
    public static string Title(NotebookRun run) =>
        run.Cells.Where(c => c.Cell.Kind == NotebookCellKind.Markdown)
            .SelectMany(c => RenderMarkdown(c.Cell.Source, new HashSet<string>()).Headings)
            .FirstOrDefault(h => h.Level == 1).Text ?? run.Notebook.Name;

    // "ok", or every failed cell's error: "failed: Name: message; Name: message".
    private static string Status(NotebookRun run) => run.Succeeded ? "ok"
        : "failed: " + (run.Errors.Count > 0 ? string.Join("; ", run.Errors.Select(e => e.Error.Name + ": " + e.Error.Message)) : "error");

    private static string Header(NotebookRun run, string title, string? runId)
    {
        var packages = run.Packages.Select(p => $"{p.Id} {p.Version}")
            .Append($"NewsAnalysis {typeof(NewsCorpus).Assembly.GetName().Version?.ToString(3)}")
            .Append($"plotly.js {ChartHtml.PlotlyJsVersion} (embedded)");
        var sb = new StringBuilder("<header>\n");
        sb.Append("<h1>").Append(Escape(title)).Append("</h1>\n<dl>\n")
            .Append($"<dt>Notebook</dt><dd>{Escape(Path.GetFileName(run.Notebook.Path))}</dd>\n")
            .Append($"<dt>Status</dt><dd class=\"{(run.Succeeded ? "ok" : "failed")}\">{(run.Succeeded ? "all cells ran" : Escape(Status(run)))}</dd>\n")
            .Append($"<dt>Data folder</dt><dd>{Escape(run.DataDir ?? "(not set)")}</dd>\n")
            .Append($"<dt>Articles</dt><dd>{(run.ArticleCount is int n ? n.ToString(CultureInfo.InvariantCulture) : "unknown")}</dd>\n")
            .Append($"<dt>Run time</dt><dd><span class=\"volatile\">{Seconds(run.Duration)}</span></dd>\n")
            .Append(runId is null ? "" : $"<dt>Run</dt><dd><span class=\"volatile\">{Escape(runId)}</span></dd>\n")
            .Append($"<dt>Packages</dt><dd>{Escape(string.Join(", ", packages))}; <span class=\"volatile\">.NET {Environment.Version}</span></dd>\n");
        foreach (var warning in run.Warnings) sb.Append($"<dt>Warning</dt><dd class=\"warning\">{Escape(warning)}</dd>\n");
        sb.Append("</dl>\n</header>\n");
        return sb.ToString();
    }

    private static string RenderOutput(NotebookOutput output) => output switch
    {
        StreamOutput s => $"<pre class=\"stream {s.Name}\">{Escape(s.Text)}</pre>\n",
        DisplayOutput { Value.Html: { } html } => $"<div class=\"output\">\n{html}\n</div>\n",
        DisplayOutput d => $"<pre class=\"output text\">{Escape(d.Value.PlainText)}</pre>\n",
        ErrorOutput e => $"<div class=\"error\"><p><strong>{Escape(e.Name)}</strong>: {Escape(e.Message)}</p>"
            + (e.Traceback.Count > 0 ? $"<pre>{Escape(string.Join('\n', e.Traceback))}</pre>" : "") + "</div>\n",
        _ => "",
    };

    private static (string Html, List<(int Level, string Id, string Text)> Headings) RenderMarkdown(string source, HashSet<string> ids)
    {
        var document = Markdig.Markdown.Parse(source, Markdown);
        var headings = new List<(int, string, string)>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = InlineText(heading.Inline);
            var id = Unique(ids, Slug(text));
            heading.GetAttributes().Id = id;
            if (heading.Level <= 3) headings.Add((heading.Level, id, text));
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Markdown.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return (writer.ToString(), headings);
    }

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new StringBuilder();
        foreach (var child in inline.Descendants<LeafInline>())
        {
            if (child is LiteralInline literal) sb.Append(literal.Content.ToString());
            else if (child is CodeInline code) sb.Append(code.Content);
        }
        return sb.ToString().Trim();
    }

    private static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "section" : slug;
    }

    private static string Unique(HashSet<string> ids, string id)
    {
        var candidate = id;
        for (var i = 2; !ids.Add(candidate); i++) candidate = id + "-" + i.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Escape(string text) => ValueFormatter.Escape(text);

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 1rem 2rem; color: #222; line-height: 1.45; }
        header dl { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; font-size: .9rem; }
        header dt { font-weight: 600; color: #555; }
        header dd { margin: 0; }
        .ok { color: #1a7f37; } .failed { color: #b42318; }
        nav.toc { border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; background: #fafafa; }
        nav.toc h2 { font-size: 1rem; margin: .2rem 0; } nav.toc ul { margin: 0; padding-left: 1rem; }
        .toc-2 { margin-left: 1rem; } .toc-3 { margin-left: 2rem; }
        section.cell { margin: 1rem 0; }
        details summary { cursor: pointer; color: #666; font-size: .85rem; }
        pre { background: #f6f8fa; padding: .6rem; overflow-x: auto; border-radius: 4px; font-size: .85rem; white-space: pre-wrap; }
        pre.stderr { background: #fff4e5; }
        .error { border-left: 4px solid #b42318; background: #fef3f2; padding: .3rem .8rem; }
        .skipped { color: #888; font-style: italic; }
        table.news-table { border-collapse: collapse; font-size: .85rem; display: block; overflow-x: auto; max-width: 100%; }
        table.news-table th, table.news-table td { border: 1px solid #ddd; padding: .25rem .5rem; vertical-align: top; text-align: left; min-width: 4rem; max-width: 32rem; }
        table.news-table td.long { min-width: 16rem; }
        table.news-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.news-table th { background: #f0f2f5; position: sticky; top: 0; }
        .news-table-note { font-size: .8rem; color: #666; margin: .2rem 0 1rem; }
        .news-chart { width: 100%; min-height: 450px; }

        """;
}
