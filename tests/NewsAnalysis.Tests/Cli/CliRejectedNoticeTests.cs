using System.Text.Json;

namespace NewsAnalysis.Tests;

/// <summary>Every verb that loads a corpus says on stderr (never stdout) when files were rejected.</summary>
public class CliRejectedNoticeTests
{
    private static CorpusTempFolder SeedsWithTwoRejects()
    {
        var dir = new CorpusTempFolder();
        foreach (var file in Directory.GetFiles(TestData.Articles, "*.txt")) File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)));
        dir.Write("scan.pdf", "%PDF-1.4");
        dir.Write("empty.txt", "");
        return dir;
    }

    public static TheoryData<string[]> Verbs() => new()
    {
        { new[] { "corpus" } },
        { new[] { "entities" } },
        { new[] { "kwic", "pipeline" } },
        { new[] { "sentiment", "--level", "article" } },
        { new[] { "timeline" } },
        { new[] { "topics", "--unit", "article", "--k", "2" } },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Cli_rejected_files_are_counted_on_stderr_and_json_stays_clean(string[] verb)
    {
        using var dir = SeedsWithTwoRejects();
        var (exit, output, error) = CliRunner.Run([.. verb, "--data", dir.Path, "--format", "json"]);
        Assert.Equal(0, exit);
        Assert.Equal($"2 file(s) rejected — see: news corpus --data {dir.Path} --rejected", error.Trim());
        using var doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetArrayLength() > 0);
    }

    [Fact]
    public void Cli_no_notice_without_rejects_or_when_listing_them()
    {
        var (_, _, clean) = CliRunner.Run("corpus", "--data", TestData.Articles);
        Assert.Equal("", clean);

        using var dir = SeedsWithTwoRejects();
        var (exit, output, error) = CliRunner.Run("corpus", "--data", dir.Path, "--rejected", "--format", "csv");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("scan.pdf", output);
        Assert.Contains("empty.txt,empty file", output);
    }
}
