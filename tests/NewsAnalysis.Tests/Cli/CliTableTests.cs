using NewsAnalysis.Cli;
using NewsAnalysis.Cli.Commands;

namespace NewsAnalysis.Tests;

/// <summary>Readable tables on a 100-column terminal: compact columns, one line per row, KWIC matches aligned.</summary>
public class CliTableTests
{
    private static string[] Table(Microsoft.Data.Analysis.DataFrame frame, TableView view, int width = 100)
    {
        var writer = new StringWriter();
        CommonOptions.WriteTable(view.Select(frame), writer, width, view.KeepEnd);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static void AssertOneLinePerRow(string[] lines, long rows, int width)
    {
        Assert.Equal($"{rows} row(s)", lines[^1]);
        Assert.Equal(rows + 4, lines.Length - 1);   // top, header, rule, rows, bottom
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
    }

    [Fact]
    public void Cli_table_kwic_is_one_line_per_match_with_the_matches_aligned()
    {
        var frame = EntityAnalysis.Run(TestData.Seeds).Kwic("pipeline", 40, KwicMode.Auto);
        var lines = Table(frame, KwicCommand.Table);
        AssertOneLinePerRow(lines, frame.Rows.Count, 100);
        var rows = lines.Skip(3).Take((int)frame.Rows.Count).ToList();
        var column = rows[0].IndexOf("│ pipeline", StringComparison.Ordinal);
        Assert.True(column > 0);
        Assert.All(rows, r => Assert.Equal(column, r.IndexOf("│ pipeline", StringComparison.OrdinalIgnoreCase)));
        // The left context is right-aligned and cut at its start: the cell (less its one-space padding) is the end of Left.
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            int open = r.LastIndexOf('│', column - 1);
            var cell = r[(open + 2)..(column - 1)];
            var left = ((string)frame.Columns["Left"][i]).ReplaceLineEndings(" ");
            var shown = cell.TrimStart(' ').TrimStart('…');
            Assert.EndsWith(shown, left);
            Assert.True(shown.Length >= 10, cell);
        }
        Assert.Contains(rows, r => r.Contains("│ …", StringComparison.Ordinal));
    }

    [Fact]
    public void Cli_table_sentiment_sentences_show_compact_columns_without_wrapping_numbers()
    {
        var frame = SentimentAnalysis.SentenceFrame(TestData.Seeds);
        var lines = Table(frame, SentimentCommand.Table(SentimentLevel.Sentence, lines: false));
        AssertOneLinePerRow(lines, frame.Rows.Count, 100);
        Assert.Equal(["ArticleId", "Sentence", "Compound", "Label", "Text"], lines[1].Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var first = lines[3].Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(TestData.Seeds.Articles[0].Id, first[0]);   // ids are not cut
        Assert.Equal(FrameWriter.FormatCell(frame.Columns["Compound"][0]), first[2]);   // numbers whole
        Assert.EndsWith("…", first[4]);
    }

    [Fact]
    public void Cli_table_timeline_caps_evidence_to_one_line()
    {
        var frame = TimelineEvents.Frame(TestData.Seeds);
        var lines = Table(frame, TimelineCommand.Table);
        AssertOneLinePerRow(lines, frame.Rows.Count, 100);
        Assert.Equal(["ArticleId", "Sentence", "Expression", "Start", "End", "Evidence"], lines[1].Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Cli_csv_and_json_keep_every_column()
    {
        var (_, csv, _) = CliRunner.Run("sentiment", "--data", TestData.Articles, "--format", "csv");
        Assert.StartsWith("ArticleId,Sentence,Text,Compound,Positive,Neutral,Negative,Label,Paragraph,Title,Source,Published", csv);
        var (_, kwic, _) = CliRunner.Run("kwic", "pipeline", "--data", TestData.Articles, "--format", "csv");
        Assert.StartsWith("ArticleId,Title,Published,Sentence,Start,Left,Match,Right", kwic);
        var (_, table, _) = CliRunner.Run("sentiment", "--data", TestData.Articles, "--level", "entity");
        Assert.DoesNotContain("Positive", table.Split('\n')[1]);
        Assert.Contains("Compound", table.Split('\n')[1]);
    }
}
