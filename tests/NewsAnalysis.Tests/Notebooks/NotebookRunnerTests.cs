using NewsAnalysis.Interactive;
using NewsAnalysis.Notebooks;
using static NewsAnalysis.Tests.NotebookTestKit;
using NewsAnalysis.Kernel;

namespace NewsAnalysis.Tests;

public class NotebookRunnerTests
{
    [Fact]
    public void State_carries_over_and_a_trailing_expression_is_the_cell_value()
    {
        var run = Run(Inline(Code("var x = 40;"), Code("int Twice(int v) => 2 * v;"), Code("Twice(x) + 2 - x")));
        Assert.True(run.Succeeded, Describe(run));
        Assert.Empty(CellResult(run, 1).Outputs);
        var result = Assert.IsType<DisplayOutput>(Assert.Single(CellResult(run, 3).Outputs));
        Assert.True(result.IsResult);
        Assert.Equal("42", result.Value.PlainText);
        Assert.Equal([1, 2, 3], run.Cells.Select(c => c.ExecutionCount ?? 0));
    }

    [Fact]
    public void A_statement_or_void_call_without_semicolon_is_not_a_value()
    {
        var run = Run(Inline(Code("var list = new List<int>();\nlist.Add(1)"), Code("string s = null;\ns")));
        Assert.True(run.Succeeded, Describe(run));
        Assert.Empty(CellResult(run, 1).Outputs);
        Assert.Equal("<null>", Assert.IsType<DisplayOutput>(Assert.Single(CellResult(run, 2).Outputs)).Value.PlainText);
    }

    [Fact]
    public void Display_and_console_output_keep_their_order()
    {
        var run = Run(Inline(Code("Console.WriteLine(\"one\");\ndisplay(2);\nConsole.Write(\"three\");\nConsole.Error.WriteLine(\"four\");\nHTML(\"<b>five</b>\")")));
        Assert.True(run.Succeeded, Describe(run));
        var outputs = CellResult(run, 1).Outputs;
        Assert.Collection(outputs,
            o => Assert.Equal(new StreamOutput("stdout", "one\n"), o),
            o => Assert.Equal("2", Assert.IsType<DisplayOutput>(o).Value.PlainText),
            o => Assert.Equal(new StreamOutput("stdout", "three"), o),
            o => Assert.Equal(new StreamOutput("stderr", "four\n"), o),
            o => Assert.Equal(new DisplayOutput(new FormattedValue("<b>five</b>", "<b>five</b>"), IsResult: true), o));
    }

    [Fact]
    public void A_compile_error_names_line_and_column_and_stops_the_run()
    {
        var run = Run(Inline(Code("var a = 1;"), Code("var b = 2;\n  undefinedName + b"), Code("a")));
        Assert.False(run.Succeeded);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(CellResult(run, 2).Outputs));
        Assert.Equal("CompilationError", error.Name);
        Assert.StartsWith("(2,3): error CS0103", error.Message);
        Assert.Contains("undefinedName", error.Message);
        Assert.Equal(NotebookCellStatus.Skipped, CellResult(run, 3).Status);
        Assert.Empty(CellResult(run, 3).Outputs);
    }

    [Fact]
    public void An_exception_is_an_error_output_and_continue_on_error_runs_the_rest()
    {
        var notebook = Inline(Code("var a = 1;"), Code("throw new InvalidOperationException(\"boom\");"), Code("a + 1"));
        var stopped = Run(notebook);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(CellResult(stopped, 2).Outputs));
        Assert.Equal("System.InvalidOperationException", error.Name);
        Assert.Equal("boom", error.Message);
        Assert.Equal(NotebookCellStatus.Skipped, CellResult(stopped, 3).Status);

        var continued = Run(notebook, new NotebookRunOptions { ContinueOnError = true });
        Assert.False(continued.Succeeded);
        Assert.Equal("2", Assert.IsType<DisplayOutput>(Assert.Single(CellResult(continued, 3).Outputs)).Value.PlainText);
    }

    [Fact]
    public void Cells_of_other_kernels_are_an_error_never_a_silent_skip()
    {
        var dib = NotebookDocument.ParseDib("#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[]}}\n\n#!csharp\n\nvar a = 1;\n\n#!fsharp\n\nlet b = 2\n\n#!markdown\n\n# Title\n", Path.Combine(Fixtures, "mixed.dib"));
        Assert.Equal(["csharp", "fsharp", "markdown"], dib.Cells.Select(c => c.Kernel));
        var run = Run(dib);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(CellResult(run, 2).Outputs));
        Assert.Equal("UnsupportedKernel", error.Name);
        Assert.Contains("'fsharp'", error.Message);
        Assert.False(run.Succeeded);
    }

    [Fact]
    public void Ipynb_cells_take_their_kernel_from_polyglot_metadata_or_a_first_line_magic()
    {
        var json = """
            {"cells":[
              {"cell_type":"code","metadata":{"polyglot_notebook":{"kernelName":"pwsh"}},"source":["Get-Date"],"outputs":[],"execution_count":null},
              {"cell_type":"code","metadata":{},"source":["#!fsharp\n","1 + 1"],"outputs":[],"execution_count":null},
              {"cell_type":"code","metadata":{},"source":["1 + 1"],"outputs":[],"execution_count":null}],
             "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}
            """;
        var notebook = NotebookDocument.ParseIpynb(json, "x.ipynb");
        Assert.Equal(["pwsh", "fsharp", "csharp"], notebook.Cells.Select(c => c.Kernel));
    }

    [Fact]
    public void Parameters_are_injected_after_the_parameters_cell_typed_like_the_declarations()
    {
        var notebook = Inline(
            Code("var dataDir = \"../data/articles\";\nvar top = 3;\nvar ratio = 0.5;\nvar verbose = false;", NotebookParameters.Tag),
            Code("$\"{dataDir}|{top.GetType().Name}:{top * 2}|{ratio.GetType().Name}:{ratio * 2}|{verbose.GetType().Name}:{!verbose}\""));
        var run = Run(notebook, new NotebookRunOptions { Parameters = [new("dataDir", "/tmp/other"), new("top", "4"), new("ratio", "1.25"), new("verbose", "true"), new("extra", "7"), new("top", "10")] });
        Assert.True(run.Succeeded, Describe(run));
        var injected = run.Notebook.Cells[1];
        Assert.Contains(NotebookParameters.InjectedTag, injected.Tags);
        Assert.Contains("int extra = 7;", injected.Source);
        Assert.Single(injected.Source.Split('\n'), l => l.Contains(" top = "));
        var value = Assert.IsType<DisplayOutput>(Assert.Single(CellResult(run, 3).Outputs)).Value.PlainText;
        Assert.Equal("/tmp/other|Int32:20|Double:2.5|Boolean:False", value);
    }

    [Fact]
    public void A_parameter_value_that_does_not_fit_its_type_is_an_error_naming_it()
    {
        var notebook = Inline(Code("var top = 3;", NotebookParameters.Tag));
        var e = Assert.Throws<ArgumentException>(() => Run(notebook, new NotebookRunOptions { Parameters = [new("top", "many")] }));
        Assert.Contains("'top'", e.Message);
        Assert.Contains("'many'", e.Message);
        Assert.Throws<ArgumentException>(() => NotebookParameters.Parse("novalue"));
        Assert.Equal(new KeyValuePair<string, string>("a", "b=c"), NotebookParameters.Parse("a=b=c"));
    }

    [Fact]
    public void Nullable_and_enum_parameters_are_set_like_the_topics_notebook_declares_them()
    {
        var parameters = Code("var unit = TopicUnit.Paragraph;\nint? k = null;\nTopicMethod method = TopicMethod.KMeans;\nint? limit = 3;", NotebookParameters.Tag);
        var show = Code("$\"{unit}|{k?.ToString() ?? \"null\"}|{method}|{limit?.ToString() ?? \"null\"}\"");
        var notebook = Inline(Code(Setup), parameters, show);
        var run = Run(notebook, new NotebookRunOptions { Parameters = [new("k", "4"), new("unit", "article"), new("method", "Lda"), new("limit", "null")] });
        Assert.True(run.Succeeded, Describe(run));
        Assert.Contains("TopicUnit unit = TopicUnit.Article;", run.Notebook.Cells[2].Source);
        Assert.Contains("int? k = 4;", run.Notebook.Cells[2].Source);
        Assert.Equal("Article|4|Lda|null", Assert.IsType<DisplayOutput>(Assert.Single(CellResult(run, 4).Outputs)).Value.PlainText);
        Assert.Empty(run.Warnings);

        var unset = Run(notebook, new NotebookRunOptions { Parameters = [new("k", "null")] });
        Assert.Equal("Paragraph|null|KMeans|3", Assert.IsType<DisplayOutput>(Assert.Single(CellResult(unset, 4).Outputs)).Value.PlainText);

        var e = Assert.Throws<ArgumentException>(() => Run(notebook, new NotebookRunOptions { Parameters = [new("unit", "Chapter")] }));
        Assert.Equal("Parameter 'unit': 'Chapter' is not a TopicUnit; use one of Article, Paragraph, Sentence.", e.Message);
        var auto = Assert.Throws<ArgumentException>(() => Run(notebook, new NotebookRunOptions { Parameters = [new("k", "auto")] }));
        Assert.Equal("Parameter 'k': 'auto' is not a valid int.", auto.Message);
    }

    [Fact]
    public void A_parameter_the_parameters_cell_does_not_declare_is_warned_about_in_the_run_and_the_report()
    {
        var notebook = Inline(Code("var dataDir = \"x\";\nvar top = 3;", NotebookParameters.Tag), Code("top"));
        var run = Run(notebook, new NotebookRunOptions { Parameters = [new("topics", "4"), new("top", "5")] });
        Assert.True(run.Succeeded, Describe(run));
        var warning = Assert.Single(run.Warnings);
        Assert.Equal("Parameter 'topics' is not declared in the parameters cell of inline (declared: dataDir, top); it is set but probably not used.", warning);
        Assert.Contains("int topics = 4; // warning: not declared in the parameters cell", run.Notebook.Cells[1].Source);
        Assert.Contains($"<dt>Warning</dt><dd class=\"warning\">{ValueFormatter.Escape(warning)}</dd>", HtmlReport.Render(run));

        var bare = Run(Inline(Code("1 + 1")), new NotebookRunOptions { Parameters = [new("dataDir", "x")] });
        Assert.Equal("inline has no cell tagged 'parameters'; the parameters (dataDir) are set in a cell inserted first.", Assert.Single(bare.Warnings));
    }

    [Fact]
    public void A_cell_over_the_timeout_fails_and_stops_the_run_even_with_continue_on_error()
    {
        var run = Run(Inline(Code("System.Threading.Thread.Sleep(3000);"), Code("1")),
            new NotebookRunOptions { CellTimeout = TimeSpan.FromMilliseconds(200), ContinueOnError = true });
        var error = Assert.IsType<ErrorOutput>(Assert.Single(CellResult(run, 1).Outputs));
        Assert.Equal("CellTimeout", error.Name);
        Assert.Equal(NotebookCellStatus.Skipped, CellResult(run, 2).Status);
    }

    [Fact]
    public void Nuget_references_are_restored_by_NuGet_and_a_package_that_does_not_exist_is_a_clear_error()
    {
        var run = Run(Inline(Code(Setup), Code("typeof(DataFrame).Assembly.Location")));
        Assert.True(run.Succeeded, Describe(run));
        Assert.Equal(["Microsoft.Data.Analysis", "Microsoft.ML", "Plotly.NET", "Plotly.NET.CSharp"], run.Packages.Select(p => p.Id));
        Assert.Equal(["0.23.1", "5.0.1", "6.0.0", "0.14.0"], run.Packages.Select(p => p.Version));
        // From the restored package, not from this process's copy: the kernel holds no library of its own.
        var location = Assert.IsType<DisplayOutput>(Assert.Single(CellResult(run, 2).Outputs)).Value.PlainText;
        Assert.Contains(Path.Combine("microsoft.data.analysis", "0.23.1"), location);
        Assert.NotEqual(typeof(Microsoft.Data.Analysis.DataFrame).Assembly.Location, location);

        var missing = Run(Inline(Code("#r \"nuget: No.Such.Package, 1.2.3\"")));
        var e2 = Assert.IsType<ErrorOutput>(Assert.Single(CellResult(missing, 1).Outputs));
        Assert.Contains("No.Such.Package", e2.Message);
        Assert.Contains("1.2.3", e2.Message);
    }

    [Fact]
    public void Load_and_file_references_resolve_from_the_notebook_folder()
    {
        var run = Run(Inline(Code("#load \"helper.csx\"\nHelperTwice(21)")));
        Assert.True(run.Succeeded, Describe(run));
        Assert.Equal("42", Assert.IsType<DisplayOutput>(Assert.Single(CellResult(run, 1).Outputs)).Value.PlainText);
    }

    [Fact]
    public void Relative_paths_resolve_from_the_notebook_folder()
    {
        var run = Run(Inline(Code("System.IO.Directory.Exists(\"../Fixtures\") && System.IO.File.Exists(\"helper.csx\")")));
        Assert.Equal("True", Assert.IsType<DisplayOutput>(Assert.Single(CellResult(run, 1).Outputs)).Value.PlainText);
    }

    [Fact]
    public void Dataframes_become_escaped_html_tables_with_the_cut_stated()
    {
        var run = Run(Inline(Code(Setup),
            Code("var f = new DataFrame(new Int32DataFrameColumn(\"N\", Enumerable.Range(0, 120)), new StringDataFrameColumn(\"Text\", Enumerable.Range(0, 120).Select(i => i == 0 ? \"<script>alert(1)</script>\" : \"row \" + i)));\nf")));
        Assert.True(run.Succeeded, Describe(run));
        var html = Assert.IsType<DisplayOutput>(Assert.Single(CellResult(run, 2).Outputs)).Value.Html!;
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<td class=\"num\">49</td>", html);
        Assert.DoesNotContain("<td class=\"num\">50</td>", html);
        Assert.Contains("120 rows; first 50 shown, 70 not shown", html);
    }

    [Fact]
    public void Charts_get_stable_ids_and_html_that_cannot_be_closed_by_data()
    {
        var run = Run(Inline(Code(Setup), Code("var c = Plotly.NET.CSharp.Chart.Column<int, string, string>(values: new[] { 1, 2 }, Keys: new[] { \"</script><b>x\", \"b\" });\ndisplay(c);\nc")));
        Assert.True(run.Succeeded, Describe(run));
        var outputs = CellResult(run, 2).Outputs.OfType<DisplayOutput>().ToList();
        Assert.Equal(2, outputs.Count);
        Assert.All(outputs, o => Assert.True(o.Value.IsChart));
        Assert.Contains("id=\"chart-1\"", outputs[0].Value.Html);
        Assert.Contains("id=\"chart-2\"", outputs[1].Value.Html);
        Assert.DoesNotContain("</script><b>", outputs[0].Value.Html);
        Assert.Contains("\\u003c/script\\u003e\\u003cb\\u003ex", outputs[0].Value.Html);
        Assert.DoesNotContain("cdn.plot.ly", outputs[0].Value.Html);
        // For notebook frontends the session's first chart carries plotly.js, the next one uses that copy.
        Assert.Contains(ChartHtml.PlotlyJs[..300], outputs[0].Value.NotebookHtml);
        Assert.DoesNotContain(ChartHtml.PlotlyJs[..300], outputs[1].Value.NotebookHtml);
        Assert.Contains("window.Plotly", outputs[1].Value.NotebookHtml);
    }

    [Fact]
    public void Package_sources_must_exist_when_they_are_folders()
    {
        var run = Run(Inline(Code("#i \"nuget: no-such-feed-folder\"\n1")));
        var error = Assert.IsType<ErrorOutput>(Assert.Single(CellResult(run, 1).Outputs));
        Assert.Equal("PackageNotAvailable", error.Name);
        Assert.Contains(Path.Combine(Fixtures, "no-such-feed-folder"), error.Message);

        var online = Run(Inline(Code("#i \"nuget: https://api.nuget.org/v3/index.json\"\n#i \"nuget: .\"\n1")));
        Assert.True(online.Succeeded, Describe(online));
    }

    [Fact]
    public void A_malformed_notebook_is_an_error_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "news-broken-" + Guid.NewGuid().ToString("N") + ".ipynb");
        File.WriteAllText(path, "{ not json");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => NotebookDocument.Load(path));
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
        var missing = Assert.Throws<FileNotFoundException>(() => NotebookDocument.Load("no/such/notebook.ipynb"));
        Assert.Contains("notebook.ipynb", missing.Message);
    }

    [Fact]
    public void Sequences_become_tables_of_their_properties_and_endless_ones_are_cut()
    {
        var run = Run(Inline(
            Code("new[] { new { Name = \"a<b\", Count = 2 }, new { Name = \"c\", Count = 3 } }"),
            Code("IEnumerable<int> Forever() { for (var i = 0; ; i++) yield return i; }\nForever()")));
        Assert.True(run.Succeeded, Describe(run));
        var table = Assert.IsType<DisplayOutput>(Assert.Single(CellResult(run, 1).Outputs)).Value.Html!;
        Assert.Contains("<th>Name</th><th>Count</th>", table);
        Assert.Contains("<td>a&lt;b</td><td class=\"num\">2</td>", table);
        var endless = Assert.IsType<DisplayOutput>(Assert.Single(CellResult(run, 2).Outputs)).Value.Html!;
        Assert.Contains("at least 100000 rows; first 50 shown", endless);
    }

    [Fact]
    public void File_references_load_the_file_named_and_a_missing_one_is_a_compile_error_as_in_the_kernel()
    {
        var bundle = Path.GetFullPath(Path.Combine(TestData.Root, "lib", "NewsAnalysis.Interactive", "bin", "Debug", "net10.0", "NewsAnalysis.dll"));
        var named = Run(Inline(Code(Setup), Code("typeof(NewsAnalysis.NewsCorpus).Assembly.Location")));
        Assert.True(named.Succeeded, Describe(named));
        Assert.Equal(bundle, Assert.IsType<DisplayOutput>(Assert.Single(CellResult(named, 2).Outputs)).Value.PlainText);

        var missing = Run(Inline(Code("#r \"no/such/Other.Library.dll\"\n1")));
        var error = Assert.IsType<ErrorOutput>(Assert.Single(CellResult(missing, 1).Outputs));
        Assert.Equal("CompilationError", error.Name);
        Assert.Contains("Other.Library.dll", error.Message);
    }
}
