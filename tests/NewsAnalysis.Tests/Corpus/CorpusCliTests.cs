using System.Text.Json;
using NewsAnalysis.Cli.Commands;

namespace NewsAnalysis.Tests;

/// <summary>`news corpus`, run in-process.</summary>
public class CorpusCliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => CliRunner.Run(["corpus", .. args]);

    [Fact]
    public void Default_table_is_compact_and_readable()
    {
        var (exit, output, _) = Run("--data", TestData.Articles);
        Assert.Equal(0, exit);
        var header = output.Split('\n').First(l => l.Contains("Id", StringComparison.Ordinal));
        foreach (var c in CorpusCommand.Table.Columns) Assert.Contains(c, header);
        Assert.DoesNotContain("Text", header);
        Assert.DoesNotContain("Path", header);
        Assert.Contains("Daily Times", output);
        Assert.Contains("2018-02-21", output);
        Assert.Contains("5 row(s)", output);
    }

    [Fact]
    public void Json_has_complete_rows_with_relative_paths()
    {
        var (exit, output, _) = Run("--data", TestData.Articles, "--format", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(5, doc.RootElement.GetArrayLength());
        var first = doc.RootElement[0];
        Assert.Equal("000_92bd0521e664fa94.txt", first.GetProperty("Path").GetString());
        Assert.Equal("Sputnik", first.GetProperty("Source").GetString());
        Assert.Equal("inferred", first.GetProperty("PublishedBasis").GetString());
        Assert.True(first.GetProperty("Words").GetInt32() > 500);
        Assert.StartsWith("DAVOS", first.GetProperty("Text").GetString());
    }

    [Fact]
    public void Changes_and_rejected_lists()
    {
        var (exit, output, _) = Run("--data", TestData.Articles, "--changes", "--format", "csv");
        Assert.Equal(0, exit);
        Assert.StartsWith("ArticleId,Kind,Before,After", output);
        Assert.Contains("split-glued-word,withRussia,with Russia", output);

        using var dir = new CorpusTempFolder();
        dir.Write("ok.txt", "Title\n\nText.");
        dir.Write("bad.pdf", "%PDF");
        var (exit2, output2, _) = Run("--data", dir.Path, "--rejected", "--format", "csv");
        Assert.Equal(0, exit2);
        Assert.Contains("bad.pdf,unsupported file type '.pdf'", output2);
    }

    [Fact]
    public void A_missing_path_is_a_clear_error_and_a_non_zero_exit()
    {
        var (exit, output, error) = Run("--data", "/no/such/folder");
        Assert.NotEqual(0, exit);
        Assert.Contains("/no/such/folder", error);
        Assert.Equal("", output);
    }
}
