using NewsAnalysis.Notebooks;
using static NewsAnalysis.Tests.NotebookOutputShapes;

namespace NewsAnalysis.Tests;

/// <summary>
/// The notebooks in the real .NET Interactive kernel, started as VS Code starts it after the README's build: every
/// cell succeeds, DataFrames are HTML tables, charts are HTML holding a Plotly figure, nothing shows as a bare type
/// name — on the seeds and on a second data folder.
/// </summary>
public class NotebookKernelConformanceTests
{
    public static IEnumerable<object[]> NotebooksAndData() =>
        NotebookTestKit.RepositoryNotebooks().SelectMany(n => RealKernelRuns.DataSets.Select(d => new[] { n[0], d }));

    [Theory]
    [MemberData(nameof(NotebooksAndData))]
    public void Every_cell_runs_in_the_real_kernel_and_shows_tables_and_charts_as_html(string fileName, string dataSet)
    {
        var cells = RealKernelRuns.Run(fileName, dataSet);
        var sources = RealKernelRuns.Notebook(fileName, dataSet).Cells.Where(c => c.IsCSharp).Select(c => c.Source).ToList();
        Assert.Equal(sources.Count, cells.Count);
        var shown = new List<string>();
        foreach (var (cell, index) in cells.Select((c, i) => (c, i)))
        {
            var where = $"{fileName} on {dataSet}, cell {index + 1} ({sources[index].Split('\n')[0]})";
            Assert.True(cell.Succeeded, $"{where} failed in the real kernel: {cell.Error}");
            foreach (var output in cell.Outputs)
            {
                if (Of(output) is not { } shape) continue;
                output.Values.TryGetValue("text/html", out var html);
                output.Values.TryGetValue("text/plain", out var plain);
                Assert.False(BareTypeName().IsMatch(VisibleText(html, plain)), $"{where} shows a bare type name: {VisibleText(html, plain)}");
                if (shape == "table") Assert.Contains("<table", html);
                if (shape == "chart") Assert.Matches("\"data\":\\[\\{\"type\":\"", html);
                shown.Add(shape);
            }
        }
        Assert.True(shown.Contains("table") || shown.Contains("chart"), $"{fileName} on {dataSet} showed no table and no chart: {string.Join(", ", shown)}");
    }
}
