using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NewsAnalysis.Kernel;
using NewsAnalysis.Notebooks;

namespace NewsAnalysis.Tests;

/// <summary>
/// Every repository notebook executed by <c>jupyter nbconvert --to notebook --execute</c> against the installed
/// kernelspec (found by the name in the notebooks' own metadata, no flag), on the seed articles and on 200 BBC rows,
/// each set in a cell injected after the <c>parameters</c> cell as <c>news run --data</c> does. The executed notebooks
/// must validate with nbformat, hold no error, show DataFrames as HTML tables and charts as HTML drawing a Plotly
/// figure; on the seeds, as many tables and charts per notebook as <c>news run</c> (the pipe host over the same engine) shows.
/// </summary>
public sealed class JupyterNotebookTests
{
    private static readonly ConcurrentDictionary<string, Lazy<NbconvertRun>> runs = new(StringComparer.Ordinal);

    private sealed record NbconvertRun(MeasuredProcess Process, string OutDir, MeasuredProcess Validation);

    public static IEnumerable<object[]> DataSets() => RealKernelRuns.DataSets.Select(d => new object[] { d });

    // The notebooks, with the data set's dataDir injected, in <temp>/notebooks beside links to the repository's lib/
    // and data/, so the setup cell's relative #r paths resolve as in the repository.
    private static NbconvertRun Run(string dataSet) => runs.GetOrAdd(dataSet, d => new Lazy<NbconvertRun>(() =>
    {
        var root = Directory.CreateTempSubdirectory($"news-nbconvert-{d}-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(root, "lib"), Path.Combine(TestData.Root, "lib"));
        Directory.CreateSymbolicLink(Path.Combine(root, "data"), Path.Combine(TestData.Root, "data"));
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        var files = new List<string>();
        foreach (var name in NotebookTestKit.RepositoryNotebooks().Select(o => (string)o[0]))
        {
            var file = Path.Combine(notebooks, name);
            File.WriteAllText(file, WithDataDir(File.ReadAllText(Path.Combine(NotebookTestKit.NotebooksDir, name)), RealKernelRuns.Folder(d)));
            files.Add(file);
        }
        var outDir = Directory.CreateDirectory(Path.Combine(root, "executed")).FullName;
        var nbconvert = MeasuredProcess.Run("/usr/bin/jupyter",
            ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=900", "--output-dir", outDir, .. files],
            notebooks, TimeSpan.FromMinutes(40), JupyterKit.Environment);
        var executed = Directory.GetFiles(outDir, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
        var validation = MeasuredProcess.Run(JupyterKit.Python,
            ["-c", "import nbformat, sys\nfor p in sys.argv[1:]:\n    nbformat.validate(nbformat.read(p, as_version=4))\n    print('valid', p)", .. executed],
            root, TimeSpan.FromMinutes(5), JupyterKit.Environment);
        return new NbconvertRun(nbconvert, outDir, validation);
    })).Value;

    // The ipynb text with the papermill-style cell that sets dataDir, after the cell tagged parameters.
    private static string WithDataDir(string ipynb, string dataDir)
    {
        var notebook = JsonNode.Parse(ipynb)!;
        var cells = notebook["cells"]!.AsArray();
        var index = cells.Select((c, i) => (c, i)).First(x => x.c!["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == "parameters") == true).i;
        var declared = NotebookParameters.DeclaredTypes(JupyterKit.Text(cells[index]!["source"]));
        cells.Insert(index + 1, new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject { ["tags"] = new JsonArray(NotebookParameters.InjectedTag) },
            ["outputs"] = new JsonArray(),
            ["source"] = NotebookParameters.InjectedSource([new("dataDir", dataDir)], declared),
        });
        return notebook.ToJsonString();
    }

    private static JsonNode Executed(string dataSet, string fileName)
    {
        var run = Run(dataSet);
        Assert.True(run.Process.Exit == 0, $"nbconvert exit {run.Process.Exit}: {run.Process.Err[^Math.Min(4000, run.Process.Err.Length)..]}");
        return JsonNode.Parse(File.ReadAllText(Path.Combine(run.OutDir, fileName)))!;
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Nbconvert_executes_every_notebook_and_the_results_validate_with_nbformat(string dataSet)
    {
        var run = Run(dataSet);
        Assert.True(run.Process.Exit == 0, $"nbconvert exit {run.Process.Exit}: {run.Process.Err[^Math.Min(4000, run.Process.Err.Length)..]}");
        var names = NotebookTestKit.RepositoryNotebooks().Select(o => (string)o[0]).ToList();
        Assert.Equal(names, Directory.GetFiles(run.OutDir, "*.ipynb").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList());
        Assert.True(run.Validation.Exit == 0, run.Validation.Err);
        Assert.Equal(names.Count, run.Validation.Out.Split('\n').Count(l => l.StartsWith("valid ", StringComparison.Ordinal)));
    }

    public static IEnumerable<object[]> NotebooksAndDataSets() =>
        from n in NotebookTestKit.RepositoryNotebooks() from d in RealKernelRuns.DataSets select new object[] { n[0], d };

    [Theory]
    [MemberData(nameof(NotebooksAndDataSets))]
    public void Every_cell_ran_without_error_in_the_kernel_the_metadata_names(string fileName, string dataSet)
    {
        var notebook = Executed(dataSet, fileName);
        var errors = JupyterKit.Outputs(notebook).Where(o => (string?)o["output_type"] == "error").Select(o => $"{o["ename"]}: {o["evalue"]}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var codeCells = notebook["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        Assert.All(codeCells, c => Assert.NotNull((int?)c!["execution_count"]));
        // The Polyglot metadata stays; nbconvert adds the kernel's language_info.
        Assert.Equal(JupyterKernelSpec.DefaultName, (string?)notebook["metadata"]!["kernelspec"]!["name"]);
        Assert.NotNull(notebook["metadata"]!["polyglot_notebook"]);
        Assert.Equal("C#", (string?)notebook["metadata"]!["language_info"]!["name"]);
    }

    [Theory]
    [MemberData(nameof(NotebooksAndDataSets))]
    public void DataFrames_are_html_tables_with_text_and_charts_are_html_drawing_a_plotly_figure(string fileName, string dataSet)
    {
        var outputs = JupyterKit.Outputs(Executed(dataSet, fileName)).Where(o => o["data"] is not null).ToList();
        var tables = outputs.Where(o => JupyterKit.IsTable(JupyterKit.Html(o))).ToList();
        var charts = outputs.Where(o => JupyterKit.IsChart(JupyterKit.Html(o))).ToList();
        Assert.NotEmpty(tables);
        // A table's plain-text alternative holds its header line and row count note.
        Assert.All(tables, t => Assert.Matches(@"\d+ rows?", JupyterKit.Text(t["data"]!["text/plain"])));
        Assert.All(charts, c => Assert.StartsWith("Plotly chart", JupyterKit.Text(c["data"]!["text/plain"]), StringComparison.Ordinal));
        // plotly.js travels once, with the notebook's first chart, so charts draw offline.
        if (charts.Count > 0)
        {
            Assert.Contains("window.Plotly", JupyterKit.Html(charts[0]), StringComparison.Ordinal);
            Assert.True(JupyterKit.Html(charts[0]).Length > 1_000_000, "the first chart carries plotly.js");
            Assert.All(charts.Skip(1), c => Assert.True(JupyterKit.Html(c).Length < 1_000_000, "later charts share the first chart's plotly.js"));
        }
        if (dataSet != "seeds") return;
        // The same engine as news run: as many tables and charts per notebook.
        var run = NotebookTestKit.RunRepositoryNotebook(fileName);
        Assert.True(run.Succeeded, NotebookTestKit.Describe(run));
        var shown = run.Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>().ToList();
        Assert.Equal(shown.Count(o => o.Value.IsChart), charts.Count);
        Assert.Equal(shown.Count(o => o.Value.Html is { } h && JupyterKit.IsTable(h)), tables.Count);
    }
}
