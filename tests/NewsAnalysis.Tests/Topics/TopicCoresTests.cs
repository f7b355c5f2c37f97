namespace NewsAnalysis.Tests;

/// <summary>
/// Topic models do not depend on the number of cores: <c>news topics</c> run as a process seeing one core and seeing two
/// (<c>DOTNET_PROCESSOR_COUNT</c>) writes the same output byte for byte, with the automatic k (every k-means restart,
/// the parallel SVD products and distances) and with k given on BBC rows.
/// </summary>
public class TopicCoresTests
{
    private static string Topics(int cores, params string[] args)
    {
        var run = MeasuredProcess.Run("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "news.dll"), "topics", .. args, "--format", "csv"],
            TestData.Root, TimeSpan.FromMinutes(5), new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = cores.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(run.Exit == 0, run.Err);
        return run.Out;
    }

    [Fact]
    public void One_core_and_two_give_the_same_topics_with_automatic_k()
    {
        var one = Topics(1, "--data", TestData.Articles);
        Assert.Equal(one, Topics(2, "--data", TestData.Articles));
        Assert.True(one.Split('\n').Length > 50);
    }

    [Fact]
    public void One_core_and_two_give_the_same_topics_on_bbc_rows()
    {
        var path = TestData.BbcCsv ?? throw new InvalidOperationException("The BBC set is missing: expected ../shared/eval/bbc/bbc-news.csv beside the repository.");
        using var dir = new CorpusTempFolder();
        // Every third row, and a block of rows twice (weighted points in the SVD and in k-means).
        var lines = File.ReadAllLines(path);
        var rows = lines.Skip(1).Where((_, i) => i % 3 == 0).ToList();
        dir.Write("bbc.csv", string.Join("\n", [lines[0], .. rows, .. rows.Take(100)]) + "\n");
        var file = Path.Combine(dir.Path, "bbc.csv");
        var one = Topics(1, "--data", file, "--unit", "article", "--k", "5");
        Assert.Equal(one, Topics(2, "--data", file, "--unit", "article", "--k", "5"));
    }
}
