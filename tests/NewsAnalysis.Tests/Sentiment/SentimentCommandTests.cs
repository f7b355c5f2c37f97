using System.Text.Json;

namespace NewsAnalysis.Tests;

/// <summary>The <c>news sentiment</c> verb, run in-process through the CLI's root command.</summary>
public class SentimentCommandTests
{
    [Fact]
    public void SentimentCommand_Lines_ScoresEachLineAsOneText()
    {
        var readme = VaderReference.Read("readme");
        var texts = readme.Take(6).Select(r => r.Key).ToList();
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, texts);
            var (code, stdout, stderr) = CliRunner.Run("sentiment", "--lines", file, "--format", "json");
            Assert.True(code == 0, stderr);
            var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
            Assert.Equal(texts.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equal(["Line", "Text", "Compound", "Positive", "Neutral", "Negative"], rows[i].EnumerateObject().Select(p => p.Name));
                Assert.Equal(i + 1, rows[i].GetProperty("Line").GetInt32());
                Assert.Equal(texts[i], rows[i].GetProperty("Text").GetString());
                Assert.Equal(readme[i].Expected.Compound, rows[i].GetProperty("Compound").GetDouble());
                Assert.Equal(readme[i].Expected.Neutral, rows[i].GetProperty("Neutral").GetDouble());
            }
            // The readable table shows the same six columns, in that order.
            var (tableCode, table, _) = CliRunner.Run("sentiment", "--lines", file);
            Assert.Equal(0, tableCode);
            var header = table.Split('\n').First(l => l.Contains("Line", StringComparison.Ordinal));
            Assert.Equal(["Line", "Text", "Compound", "Positive", "Neutral", "Negative"],
                header.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c.Length > 0));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SentimentCommand_EntityLevel_UsesTheGazetteerOrAMentionsCsv()
    {
        var (code, json, stderr) = CliRunner.Run("sentiment", "--level", "entity", "--format", "json");
        Assert.True(code == 0, stderr);
        // Without --mentions or --entity the gazetteer's recogniser finds the entities.
        var byEntity = JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("Entity").GetString()!);
        foreach (var name in new[] { "United States", "Russia", "Pakistan", "Afghanistan", "Taliban" })
            Assert.True(byEntity[name].GetProperty("Sentences").GetInt32() > 0, name);
        Assert.Equal(5, byEntity["Russia"].GetProperty("Articles").GetInt32());

        var article = TestData.Seeds.Articles[0];
        var hits = article.Sentences.Where(s => s.Text.Contains("Russia", StringComparison.Ordinal)).ToList();
        var csv = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(csv, new[] { "ArticleId,Sentence,Entity,Type,Surface,Start,Length" }
                .Concat(hits.Select(s => $"{article.Id},{s.Index},Russia,GPE,Russia,{s.Start + s.Text.IndexOf("Russia", StringComparison.Ordinal)},6")));
            var (ok, stdout, err) = CliRunner.Run("sentiment", "--level", "entity", "--mentions", csv, "--format", "csv");
            Assert.True(ok == 0, err);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("Entity,Type,Articles,Mentions,Sentences,Compound", lines[0]);
            Assert.StartsWith($"Russia,GPE,1,{hits.Count},{hits.Count},", lines[1]);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void SentimentCommand_EntityLevel_FollowsNamesGivenWithEntity()
    {
        var (code, stdout, stderr) = CliRunner.Run("sentiment", "--level", "entity", "--entity", "Pakistan", "--entity", "Russia=Russia|Moscow", "--format", "json");
        Assert.True(code == 0, stderr);
        var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("Entity").GetString()!);
        Assert.Equal(["Pakistan", "Russia"], rows.Keys.Order(StringComparer.Ordinal));
        var sentences = TestData.Seeds.Articles.SelectMany(a => a.Sentences).Select(s => s.Text).ToList();
        var russia = sentences.Count(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\b(Russia|Moscow)\b"));
        Assert.Equal(russia, rows["Russia"].GetProperty("Sentences").GetInt32());
        Assert.Equal(1, CliRunner.Run("sentiment", "--level", "entity", "--entity", "=x").Exit);   // a malformed option value
    }

    [Fact]
    public void SentimentCommand_ArticleLevel_HasTheContractColumns()
    {
        var (code, stdout, stderr) = CliRunner.Run("sentiment", "--level", "article", "--format", "csv");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ArticleId,Title,Source,Published,Compound,Positive,Neutral,Negative,Label,Sentences", lines[0]);
        Assert.Equal(TestData.Seeds.Articles.Count + 1, lines.Length);
    }
}
