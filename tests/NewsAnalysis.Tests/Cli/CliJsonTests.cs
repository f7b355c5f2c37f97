using System.Text;
using System.Text.Json;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Tests;

/// <summary>JSON output shows text as itself (no \u escapes for non-ASCII, ' or &lt;) and stays valid JSON.</summary>
public class CliJsonTests
{
    [Fact]
    public void Cli_json_writes_text_unescaped_and_round_trips()
    {
        string[] texts = ["Café in Zürich", "Xi's <b>bold</b> & \"quoted\"", "line\nbreak\ttab", "Москва — 北京 😀"];
        var frame = new DataFrame(new StringDataFrameColumn("Text", texts), new DoubleDataFrameColumn("Score", [0.5, -1, 0, 2.25]));
        using var stream = new MemoryStream();
        FrameWriter.WriteJson(frame, stream);
        var json = Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains("Café in Zürich", json);
        Assert.Contains("Xi's <b>bold</b> &", json);
        Assert.Contains("Москва — 北京", json);
        Assert.DoesNotContain("\\u00E9", json);
        Assert.DoesNotContain("\\u0027", json);
        Assert.DoesNotContain("\\u003C", json);
        Assert.Contains("\\\"quoted\\\"", json);   // JSON's own escapes remain
        Assert.Contains("line\\nbreak\\ttab", json);

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(texts, doc.RootElement.EnumerateArray().Select(e => e.GetProperty("Text").GetString()).ToArray());
        Assert.Equal(2.25, doc.RootElement[3].GetProperty("Score").GetDouble());
    }

    [Fact]
    public void Cli_json_of_the_seeds_keeps_non_ascii_as_itself()
    {
        var (exit, output, _) = CliRunner.Run("corpus", "--data", TestData.Articles, "--format", "json");
        Assert.Equal(0, exit);
        Assert.DoesNotMatch(@"\\u[0-9A-F]{4}", output);
        using var doc = JsonDocument.Parse(output);
        var texts = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("Text").GetString()!).ToList();
        Assert.Equal(TestData.Seeds.Articles.Select(a => a.Text), texts);
        Assert.Contains(texts, t => t.Any(c => c > 127 || c == '\''));   // the seeds do have such characters
    }
}
