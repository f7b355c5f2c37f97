using System.Collections.Concurrent;
using NewsAnalysis.Notebooks;
using NewsAnalysis.Kernel;

namespace NewsAnalysis.Tests;

/// <summary>Builds small notebooks in memory and runs the repository's notebooks once per test run.</summary>
internal static class NotebookTestKit
{
    /// <summary>tests/NewsAnalysis.Tests/Notebooks/Fixtures: the small fixed notebooks, helper scripts and golden files.</summary>
    public static string Fixtures => Path.Combine(TestData.Root, "tests", "NewsAnalysis.Tests", "Notebooks", "Fixtures");

    /// <summary>The repository's notebooks/ folder.</summary>
    public static string NotebooksDir => Path.Combine(TestData.Root, "notebooks");

    /// <summary>The setup cell of CONTRIBUTING.md, its paths relative to the Fixtures folder where inline notebooks live.</summary>
    public const string Setup = """
        #r "nuget: Microsoft.Data.Analysis, 0.23.1"
        #r "nuget: Microsoft.ML, 5.0.1"
        #r "nuget: Plotly.NET, 6.0.0"
        #r "nuget: Plotly.NET.CSharp, 0.14.0"
        #r "../../../../lib/NewsAnalysis.Interactive/bin/Debug/net10.0/NewsAnalysis.dll"
        #r "../../../../lib/NewsAnalysis.Interactive/bin/Debug/net10.0/NewsAnalysis.Interactive.dll"
        using Microsoft.Data.Analysis;
        using NewsAnalysis;
        NewsAnalysis.Interactive.NotebookSupport.Enable();
        """;

    public static NotebookCell Code(string source, params string[] tags) => NotebookCell.CSharp(source, tags);

    public static NotebookCell Markdown(string source) =>
        new(NotebookCellKind.Markdown, "markdown", source, [], new System.Text.Json.Nodes.JsonObject(), null);

    /// <summary>A notebook living (virtually) in the Fixtures folder, so relative paths resolve there.</summary>
    public static NotebookDocument Inline(params NotebookCell[] cells) =>
        new(Path.Combine(Fixtures, "inline.ipynb"), cells, NotebookDocument.PolyglotMetadata());

    public static NotebookRun Run(NotebookDocument notebook, NotebookRunOptions? options = null) =>
        NotebookRunner.RunAsync(notebook, options).GetAwaiter().GetResult();

    public static NotebookCellResult CellResult(NotebookRun run, int codeCell) =>
        run.Cells.Where(c => c.Cell.Kind == NotebookCellKind.Code).ElementAt(codeCell - 1);

    /// <summary>The repository's notebooks, found at test time (so notebooks added later are covered).</summary>
    public static IEnumerable<object[]> RepositoryNotebooks() =>
        Directory.GetFiles(NotebooksDir, "*.ipynb").Order(StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    private static readonly ConcurrentDictionary<string, Lazy<NotebookRun>> runs = new(StringComparer.Ordinal);

    /// <summary>A repository notebook run on the seed articles, once per test run (several tests look at it).</summary>
    public static NotebookRun RunRepositoryNotebook(string fileName) =>
        runs.GetOrAdd(fileName, f => new Lazy<NotebookRun>(() =>
            NotebookRunner.RunAsync(Path.Combine(NotebooksDir, f), new NotebookRunOptions
            {
                Parameters = [new("dataDir", TestData.Articles)],
                CellTimeout = TimeSpan.FromMinutes(3),
            }).GetAwaiter().GetResult())).Value;

    public static string Describe(NotebookRun run) => string.Join("\n", run.Cells.SelectMany(c => c.Outputs).OfType<ErrorOutput>()
        .Select(e => $"{e.Name}: {e.Message}\n{string.Join("\n", e.Traceback.Take(8))}"));
}
