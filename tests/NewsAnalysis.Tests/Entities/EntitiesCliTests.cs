using System.Text.Json;

namespace NewsAnalysis.Tests;

/// <summary><c>news entities</c> and <c>news kwic</c>, run in-process through the CLI's root command.</summary>
public class EntitiesCliTests
{
    [Fact]
    public void Entities_mentions_as_json_match_the_library()
    {
        var (code, stdout, _) = CliRunner.Run("entities", "--mentions", "--format", "json", "--data", TestData.Articles);
        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(EntitiesTestData.Seeds.Mentions.Count, rows.GetArrayLength());
        Assert.Equal(["ArticleId", "Sentence", "Entity", "Type", "Surface", "Start", "Length"], rows[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Kwic_prints_csv_rows_for_a_phrase()
    {
        var (code, stdout, _) = CliRunner.Run("kwic", "gas pipeline", "--format", "csv", "--width", "20");
        Assert.Equal(0, code);
        var lines = stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);   // RFC 4180 line ends
        Assert.Equal("ArticleId,Title,Published,Sentence,Start,Left,Match,Right", lines[0]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void Bad_input_is_one_clear_error()
    {
        var (code, _, stderr) = CliRunner.Run("entities", "--gazetteer", "no/such.csv");
        Assert.Equal(2, code);
        Assert.Contains("no/such.csv", stderr);
        (code, _, stderr) = CliRunner.Run("entities", "--pairs", "--discover");
        Assert.Equal(2, code);
        Assert.Contains("one view", stderr);
    }
}
