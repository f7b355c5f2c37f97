using System.Collections.Concurrent;
using System.Globalization;
using CsvHelper;
using NewsAnalysis.Notebooks;

namespace NewsAnalysis.Tests;

/// <summary>
/// The repository's notebooks run cell by cell in the real .NET Interactive kernel (<see cref="DotnetInteractive"/>),
/// once per test run for each data folder, with <c>dataDir</c> set the way <c>news run --data</c> sets it (a cell
/// injected after the <c>parameters</c> cell). Data folders: <c>seeds</c> (data/articles) and <c>bbc</c> (200 rows of
/// the BBC set written as one CSV at test time).
/// </summary>
internal static class RealKernelRuns
{
    private static readonly ConcurrentDictionary<(string, string), Lazy<IReadOnlyList<RealKernelCell>>> runs = new();
    private static readonly Lazy<string> bbcFolder = new(WriteBbcFolder);

    /// <summary>The data folders the notebooks are run on.</summary>
    public static readonly string[] DataSets = ["seeds", "bbc"];

    /// <summary>The folder of a data set.</summary>
    public static string Folder(string dataSet) => dataSet == "seeds" ? TestData.Articles : bbcFolder.Value;

    /// <summary>The notebook as run (parameters injected).</summary>
    public static NotebookDocument Notebook(string fileName, string dataSet) =>
        NotebookParameters.Inject(NotebookDocument.Load(Path.Combine(NotebookTestKit.NotebooksDir, fileName)), [new("dataDir", Folder(dataSet))]);

    /// <summary>One result per C# cell of <see cref="Notebook"/>, in order.</summary>
    public static IReadOnlyList<RealKernelCell> Run(string fileName, string dataSet) =>
        runs.GetOrAdd((fileName, dataSet), key => new Lazy<IReadOnlyList<RealKernelCell>>(() => Run(Notebook(key.Item1, key.Item2)))).Value;

    /// <summary>
    /// Runs the C# cells of <paramref name="notebook"/> in a new kernel whose working directory is the notebook's
    /// folder; one real kernel at a time (each restores packages with MSBuild, heavy on a 2-core machine). The first
    /// cell, which restores, may take 10 minutes, the others 5.
    /// </summary>
    public static IReadOnlyList<RealKernelCell> Run(NotebookDocument notebook)
    {
        OneAtATime.Wait();
        try
        {
            using var kernel = DotnetInteractive.Start(TestData.Root, Path.GetDirectoryName(notebook.Path)!);
            return notebook.Cells.Where(c => c.IsCSharp).Select((c, i) => kernel.Submit(c.Source, TimeSpan.FromMinutes(i == 0 ? 10 : 5))).ToList();
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private static string WriteBbcFolder()
    {
        var source = TestData.BbcCsv ?? throw new InvalidOperationException("../shared/eval/bbc/bbc-news.csv is missing");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"news-bbc200-{Environment.ProcessId}")).FullName;
        using var writer = new StreamWriter(Path.Combine(folder, "bbc-200.csv"));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("text");
        csv.WriteField("category");
        csv.NextRecord();
        // Every 11th row, so all five categories are in.
        foreach (var record in BbcSet.Read(source).Where((_, i) => i % 11 == 0).Take(200))
        {
            csv.WriteField(record.Text);
            csv.WriteField(record.Extra["category"]);
            csv.NextRecord();
        }
        return folder;
    }
}
