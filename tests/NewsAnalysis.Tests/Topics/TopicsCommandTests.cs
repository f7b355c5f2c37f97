using System.Text.Json;

namespace NewsAnalysis.Tests;

/// <summary><c>news topics</c>, run as a process so that anything native code prints would show in its output.</summary>
public class TopicsCommandTests
{
    [Fact]
    public void Lda_json_on_stdout_is_clean_and_follows_the_contract()
    {
        var (exit, stdout, stderr) = CliRunner.RunProcess("topics", "--data", TestData.Articles, "--method", "lda", "--k", "3", "--format", "json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout); // fails if LDA's native progress lines leaked into stdout
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(TestData.Seeds.Articles.Sum(a => a.Paragraphs.Count), rows.Count);
        Assert.Equal(["ArticleId", "Unit", "Topic", "TopicLabel"], rows[0].EnumerateObject().Take(4).Select(p => p.Name));
        Assert.InRange(rows.Select(r => r.GetProperty("Topic").GetInt32()).Where(t => t >= 0).Distinct().Count(), 1, 3);
        // Paragraphs left without terms (e.g. a bare "Breaking News") are kept, as topic -1.
        Assert.All(rows.Where(r => r.GetProperty("Topic").GetInt32() < 0), r => Assert.Equal("(no terms)", r.GetProperty("TopicLabel").GetString()));
    }

    [Fact]
    public void Summary_csv_has_one_row_per_topic()
    {
        var (exit, stdout, stderr) = CliRunner.RunProcess("topics", "--data", TestData.Articles, "--unit", "article", "--k", "2", "--summary", "--format", "csv");
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Topic,TopicLabel,Size,Share,TopTerms", lines[0].TrimEnd('\r'));
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void A_bad_k_is_refused_with_its_value()
    {
        var (exit, _, stderr) = CliRunner.RunProcess("topics", "--data", TestData.Articles, "--k", "many");
        Assert.NotEqual(0, exit);
        Assert.Contains("'many'", stderr);
    }
}
