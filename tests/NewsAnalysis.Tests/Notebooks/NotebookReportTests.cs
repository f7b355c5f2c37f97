using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsAnalysis.Interactive;
using NewsAnalysis.Notebooks;
using static NewsAnalysis.Tests.NotebookTestKit;

namespace NewsAnalysis.Tests;

/// <summary>The executed .ipynb and the HTML report: golden files for a small fixed notebook, escaping, structure.</summary>
public partial class NotebookReportTests
{
    private static readonly Lazy<NotebookRun> golden = new(() =>
        NotebookRunner.RunAsync(Path.Combine(Fixtures, "golden.ipynb"), new NotebookRunOptions { ContinueOnError = true }).GetAwaiter().GetResult());

    [Fact]
    public void Executed_ipynb_matches_the_golden_file()
    {
        var actual = IpynbWriter.Write(golden.Value);
        // The first chart carries plotly.js (3.6 MB); the golden file keeps a placeholder.
        Assert.Equal(1, Regex.Count(actual, "var define,module,exports;"));
        AssertGolden("golden.expected.ipynb", InlinePlotly().Replace(actual, "$1       \"/* plotly.js */\\n\",$2"));
    }

    [Fact]
    public void Html_report_matches_the_golden_file()
    {
        var actual = NormalizeHtml(HtmlReport.Render(golden.Value));
        AssertGolden("golden.expected.html", actual);
    }

    [Fact]
    public void Executed_ipynb_is_nbformat_4_with_the_jupyter_output_kinds()
    {
        var root = JsonNode.Parse(IpynbWriter.Write(golden.Value))!;
        Assert.Equal(4, root["nbformat"]!.GetValue<int>());
        Assert.Equal(5, root["nbformat_minor"]!.GetValue<int>());
        var cells = root["cells"]!.AsArray();
        var ids = cells.Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", id));
        var outputs = cells.Where(c => c!["cell_type"]!.GetValue<string>() == "code").SelectMany(c => c!["outputs"]!.AsArray()).ToList();
        var kinds = outputs.Select(o => o!["output_type"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(new HashSet<string> { "stream", "display_data", "execute_result", "error" }, kinds);
        foreach (var o in outputs)
        {
            switch (o!["output_type"]!.GetValue<string>())
            {
                case "execute_result":
                    Assert.NotNull(o["execution_count"]);
                    Assert.NotNull(o["data"]!["text/plain"]);
                    Assert.NotNull(o["metadata"]);
                    break;
                case "display_data":
                    Assert.NotNull(o["data"]!["text/plain"]);
                    break;
                case "stream":
                    Assert.Contains(o["name"]!.GetValue<string>(), new[] { "stdout", "stderr" });
                    Assert.IsType<JsonArray>(o["text"]);
                    break;
                case "error":
                    Assert.NotNull(o["ename"]);
                    Assert.NotNull(o["evalue"]);
                    Assert.IsType<JsonArray>(o["traceback"]);
                    break;
            }
        }
        Assert.Contains(outputs, o => o!["data"]?["text/html"] is not null);
    }

    private static readonly Lazy<NJsonSchema.JsonSchema> nbformatSchema = new(LoadNbformatSchema);

    // NJsonSchema resolves "#/definitions/name" but not the schema's grouped "#/definitions/misc/name": flatten those
    // groups to "definitions/misc_name" (same schemas, same validation).
    private static NJsonSchema.JsonSchema LoadNbformatSchema()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, "nbformat.v4.5.schema.json")))!.AsObject();
        var definitions = schema["definitions"]!.AsObject();
        foreach (var group in new[] { "misc" })
        {
            var members = definitions[group]!.AsObject();
            definitions.Remove(group);
            foreach (var (name, value) in members.ToList())
            {
                members.Remove(name);
                definitions[group + "_" + name] = value;
            }
        }
        var text = schema.ToJsonString().Replace("#/definitions/misc/", "#/definitions/misc_", StringComparison.Ordinal);
        return NJsonSchema.JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }

    [Fact]
    public void Executed_notebooks_validate_against_the_nbformat_4_5_schema()
    {
        var notebooks = new[] { golden.Value }.Concat(RepositoryNotebooks().Select(n => RunRepositoryNotebook((string)n[0])));
        foreach (var run in notebooks)
        {
            var errors = nbformatSchema.Value.Validate(IpynbWriter.Write(run));
            Assert.True(errors.Count == 0, run.Notebook.Name + ": " + string.Join("; ", errors.Select(e => e.ToString())));
        }
        // The check can fail: a stream output without its name.
        var broken = IpynbWriter.Write(golden.Value).Replace("\"name\": \"stdout\",", "", StringComparison.Ordinal);
        Assert.NotEmpty(nbformatSchema.Value.Validate(broken));
    }

    [Fact]
    public void Report_embeds_plotly_once_folds_code_and_shows_errors_in_place()
    {
        var html = HtmlReport.Render(golden.Value);
        Assert.Equal(1, Regex.Count(html, "<script id=\"plotly-js\">"));
        Assert.Equal(1, Regex.Count(html, Regex.Escape(ChartHtml.PlotlyJs[..200])));
        var ours = html.Replace(ChartHtml.PlotlyJs, "");
        Assert.DoesNotContain("cdn.plot.ly", ours);
        Assert.DoesNotContain("https://", ours);
        Assert.Contains("<details><summary>In [1]", html);
        Assert.Contains("<div class=\"error\"><p><strong>System.InvalidOperationException</strong>: expected &lt;failure&gt;</p>", html);
        Assert.Contains("<nav class=\"toc\">", html);
        Assert.Contains("<a href=\"#errors-in-place\">Errors in place</a>", html);

        var noInput = HtmlReport.Render(golden.Value, new NotebookReportOptions { NoInput = true });
        Assert.DoesNotContain("<details>", noInput);
        Assert.DoesNotContain("Corpus.Load(dataDir)", noInput);
        Assert.Contains("<div class=\"error\">", noInput);
    }

    [Fact]
    public async Task Article_text_with_a_script_tag_shows_as_text_in_the_report_and_notebook()
    {
        var dir = Directory.CreateTempSubdirectory("news-evil-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "evil.txt"),
                "Headline <script>alert(\"title\")</script> here\n\nISLAMABAD: Body text with <script>alert(\"body\")</script> inside it. Another sentence follows here.\n");
            Assert.Contains("<script>alert(\"body\")</script>", Corpus.Load(dir.FullName).Articles[0].Text);
            var run = await NotebookRunner.RunAsync(Path.Combine(NotebooksDir, "00-overview.ipynb"),
                new NotebookRunOptions { Parameters = [new("dataDir", dir.FullName)] });
            Assert.True(run.Succeeded, Describe(run));
            var html = HtmlReport.Render(run);
            Assert.DoesNotContain("<script>alert", html);
            Assert.Contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;", html);

            // The body, through the sentence frame and the console.
            var body = await NotebookRunner.RunAsync(Inline(Code(Setup),
                Code($"var corpus = Corpus.Load({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(dir.FullName, true)});\nConsole.WriteLine(corpus.Articles[0].Text);\ncorpus.SentenceFrame()")));
            Assert.True(body.Succeeded, Describe(body));
            var bodyHtml = HtmlReport.Render(body);
            Assert.DoesNotContain("<script>alert", bodyHtml);
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(bodyHtml, Regex.Escape("&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;")));
            Assert.Contains("\\u003cscript\\u003ealert", html); // the chart's hover titles, escaped inside its JSON
            // text/plain is shown as text by every notebook viewer; text/html must be escaped.
            var htmlOutputs = JsonNode.Parse(IpynbWriter.Write(run))!["cells"]!.AsArray()
                .SelectMany(c => c!["outputs"]?.AsArray() ?? [])
                .Select(o => o!["data"]?["text/html"]).OfType<JsonArray>()
                .Select(lines => string.Concat(lines.Select(l => l!.GetValue<string>()))).ToList();
            Assert.NotEmpty(htmlOutputs);
            Assert.All(htmlOutputs, h => Assert.DoesNotContain("<script>alert", h));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Index_links_every_report_and_marks_failures()
    {
        var overview = RunRepositoryNotebook("00-overview.ipynb");
        var index = HtmlReport.RenderIndex([(overview, "00-overview.html"), (golden.Value, "golden.html")]);
        Assert.Contains("<a href=\"00-overview.html\">Overview: the corpus</a>", index);
        Assert.Contains("<a href=\"golden.html\">Golden fixture</a>", index);
        Assert.Contains("<tr class=\"failed\">", index);
        // The two runs name their data folder differently (absolute, and relative to the fixture): per row, not in the header.
        Assert.Contains("<dt>Data folder</dt><dd>several (see the table)</dd>", index);
        Assert.Contains($"<td>{TestData.Articles}</td><td class=\"num\">5</td>", index);
        Assert.Contains("failed: System.InvalidOperationException: expected &lt;failure&gt;</td>", index);
        var single = HtmlReport.RenderIndex([(overview, "00-overview.html")]);
        Assert.Contains("<dt>Articles</dt><dd>5</dd>", single);
    }

    [Fact]
    public void Index_entries_are_read_back_from_the_report_pages_in_a_folder()
    {
        var dir = Directory.CreateTempSubdirectory("news-index-");
        try
        {
            var overview = RunRepositoryNotebook("00-overview.ipynb");
            HtmlReport.WriteFile(overview, Path.Combine(dir.FullName, "00-overview.html"));
            HtmlReport.WriteFile(golden.Value, Path.Combine(dir.FullName, "golden.html"));
            File.WriteAllText(Path.Combine(dir.FullName, "other.html"), "<html><body><header><h1>Not a report</h1></header></body></html>");
            var entries = NotebookReportIndex.Scan(dir.FullName);
            Assert.Equal(["00-overview.html", "golden.html"], entries.Select(e => e.FileName));
            var expected = HtmlReport.RenderIndex([(overview, "00-overview.html"), (golden.Value, "golden.html")]);
            // Run times are written to the page rounded to 0.01 s; the rest reads back exactly.
            Assert.Equal(NormalizeHtml(expected), NormalizeHtml(File.ReadAllText(NotebookReportIndex.Write(dir.FullName))));
            Assert.Equal(Math.Round(overview.Duration.TotalSeconds, 2), entries[0].Duration!.Value.TotalSeconds, 6);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [GeneratedRegex("<span class=\"volatile\">[^<]*</span>")]
    private static partial Regex Volatile();

    /// <summary>Times and the runtime version vary between runs; plotly.js is 3.6 MB and Plotly.NET's, not ours.</summary>
    // The lines of an inline plotly.js in an .ipynb's text/html list, between the scope opener and its close.
    [GeneratedRegex(@"(var define,module,exports;\\n"",\n)(?s:.*?)(\s*""\}\)\.call\(window\);</script>)")]
    private static partial Regex InlinePlotly();

    private static string NormalizeHtml(string html) =>
        Volatile().Replace(html.Replace(ChartHtml.PlotlyJs, "/* plotly.js */"), "<span class=\"volatile\">…</span>");

    /// <summary>Compares with a committed golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing).</summary>
    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(Fixtures, name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
