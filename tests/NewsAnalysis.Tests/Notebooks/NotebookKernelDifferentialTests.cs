using NewsAnalysis.Kernel;
using NewsAnalysis.Notebooks;
using static NewsAnalysis.Tests.NotebookOutputShapes;
using static NewsAnalysis.Tests.NotebookTestKit;

namespace NewsAnalysis.Tests;

/// <summary>
/// The project's kernel is never kinder than the real one: each notebook through both, cell by cell, succeeds or
/// fails alike and shows the same kinds of output; a setup cell that leaves something out fails in both.
/// </summary>
public sealed class NotebookKernelDifferentialTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("news-differential-");

    public void Dispose() => temp.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(RepositoryNotebooks), MemberType = typeof(NotebookTestKit))]
    public void Each_cell_succeeds_or_fails_alike_and_shows_the_same_kinds_of_output(string fileName)
    {
        var real = RealKernelRuns.Run(fileName, "seeds");
        var ours = RunRepositoryNotebook(fileName).Cells.Where(c => c.Cell.IsCSharp).ToList();
        Assert.Equal(real.Count, ours.Count);
        for (var i = 0; i < real.Count; i++)
        {
            var where = $"{fileName}, cell {i + 1}";
            Assert.True(real[i].Succeeded == (ours[i].Status == NotebookCellStatus.Succeeded),
                $"{where}: real kernel {(real[i].Succeeded ? "succeeded" : "failed: " + real[i].Error)}, ours {ours[i].Status}: {Describe(ours[i].Outputs)}");
            Assert.Equal(Merge(real[i].Outputs.Select(Of)), Merge(ours[i].Outputs.Select(Of)));
        }
    }

    [Fact]
    public void A_setup_cell_without_the_library_reference_fails_in_both()
    {
        var setup = string.Join('\n', Setup.Split('\n').Where(l => !l.Contains("NewsAnalysis.dll", StringComparison.Ordinal)));
        AssertBothFailAt(Inline(Code(setup), Code("Corpus.Load(\"data\").Articles.Count")), expectedFailure: 2);
    }

    [Fact]
    public void A_library_whose_dependencies_are_not_beside_it_fails_in_both_as_the_kernel_reads_no_deps_json()
    {
        // The reported bug: NewsAnalysis.dll alone, without YamlDotNet and the rest beside it.
        var bundle = Path.Combine(TestData.Root, "lib", "NewsAnalysis.Interactive", "bin", "Debug", "net10.0");
        foreach (var dll in new[] { "NewsAnalysis.dll", "NewsAnalysis.Interactive.dll" }) File.Copy(Path.Combine(bundle, dll), Path.Combine(temp.FullName, dll));
        var setup = Setup.Replace("../../../../lib/NewsAnalysis.Interactive/bin/Debug/net10.0/", temp.FullName + "/", StringComparison.Ordinal);
        var notebook = Inline(Code(setup), Code($"Corpus.Load({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(TestData.Articles, true)}).Articles.Count"));
        var (real, ours) = AssertBothFailAt(notebook, expectedFailure: 2);
        Assert.Contains("YamlDotNet", real[1].Error);
        Assert.Contains("YamlDotNet", string.Join('\n', ours.Cells[1].Outputs.OfType<ErrorOutput>().SelectMany(e => e.Traceback)));
    }

    // Both kernels run the notebook (ours in a fresh kernel process, as a user opening just this notebook gets);
    // the cells before expectedFailure succeed and that one fails, in both.
    private static (IReadOnlyList<RealKernelCell> Real, NotebookRun Ours) AssertBothFailAt(NotebookDocument notebook, int expectedFailure)
    {
        var real = RealKernelRuns.Run(notebook);
        var ours = NotebookTestKit.Run(notebook, new NotebookRunOptions { FreshKernel = true, ContinueOnError = true });
        for (var i = 0; i < expectedFailure; i++)
        {
            var shouldSucceed = i < expectedFailure - 1;
            Assert.True(real[i].Succeeded == shouldSucceed, $"real kernel, cell {i + 1}: {real[i].Error}");
            Assert.True((ours.Cells[i].Status == NotebookCellStatus.Succeeded) == shouldSucceed, $"project kernel, cell {i + 1}: {Describe(ours.Cells[i].Outputs)}");
        }
        return (real, ours);
    }

    private static string Describe(IEnumerable<NotebookOutput> outputs) =>
        string.Join("; ", outputs.OfType<ErrorOutput>().Select(e => e.Name + ": " + e.Message));
}
