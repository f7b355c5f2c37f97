using System.Globalization;
using CsvHelper;

namespace NewsAnalysis.Tests;

/// <summary><c>news timeline</c>, run in-process through the CLI's root command on the seed articles.</summary>
public class TimelineCommandTests
{
    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        return rows;
    }

    [Fact]
    public void Timeline_cli_prints_the_events_as_csv_with_the_contract_columns()
    {
        var (code, stdout, stderr) = CliRunner.Run("timeline", "--format", "csv", "--anchor", "2018-02-21");
        Assert.True(code == 0, stderr);
        var rows = ReadCsv(stdout);
        Assert.Equal(TimelineEvents.FromCorpus(TestData.Seeds, new DateTime(2018, 2, 21)).Count, rows.Count);
        foreach (var column in new[] { "ArticleId", "Sentence", "Expression", "Start", "End", "Granularity", "Basis", "Evidence" })
            Assert.True(rows[0].ContainsKey(column), column);
        var nov = rows.Single(r => r["Expression"] == "in Nov 2014");
        Assert.Equal(("2014-11-01", "2014-11-30", "month", "absolute"), (nov["Start"], nov["End"], nov["Granularity"], nov["Basis"]));
        var tuesday = rows.Single(r => r["ArticleId"].StartsWith("001", StringComparison.Ordinal) && r["Expression"] == "on Tuesday");
        Assert.Equal("2018-02-20", tuesday["Start"]);
        Assert.Contains("announced setting up of a commission", tuesday["Evidence"]);
    }

    [Fact]
    public void Timeline_cli_rejects_a_bad_anchor_naming_it()
    {
        var (code, _, stderr) = CliRunner.Run("timeline", "--anchor", "2021-13-01");
        Assert.NotEqual(0, code);
        Assert.Contains("'2021-13-01'", stderr);
    }

    [Fact]
    public void Timeline_cli_lists_the_articles_with_their_event_counts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"timeline-articles-{Environment.ProcessId}.json");
        try
        {
            var (code, _, stderr) = CliRunner.Run("timeline", "--articles", "--format", "json", "--out", path);
            Assert.True(code == 0, stderr);
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            var rows = json.RootElement.EnumerateArray().ToList();
            Assert.Equal(5, rows.Count);
            var row003 = rows.Single(r => r.GetProperty("ArticleId").GetString()!.StartsWith("003", StringComparison.Ordinal));
            Assert.Equal(TimelineEvents.FromArticle(TestData.Seed("003"), null).Count, row003.GetProperty("Events").GetInt32());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
