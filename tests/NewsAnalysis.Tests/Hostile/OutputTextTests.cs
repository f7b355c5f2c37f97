using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Tests;

/// <summary>
/// Issue #16 rows 12–13: text from the data on a terminal and in a spreadsheet. Tables show control characters escaped
/// (CSV and JSON keep them); CSV never trims or changes a cell unless asked to: --csv-safe makes formula-like text
/// cells inert with a leading apostrophe, leaving numbers alone.
/// </summary>
public class OutputTextTests
{
    private const string Esc = "\u001b";

    private static string Corpus(CorpusTempFolder data) => data.Write("wire.csv",
        "title,text,source\n"
        + $"\"Talks {Esc}]0;pwned\u0007 resume\",\"Ministers met {Esc}[2J in Moscow on Tuesday to discuss the pipeline.\",Wire\u009b31m\n");

    private static List<string[]> ReadCsv(string text)
    {
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!).ToArray());
        return rows;
    }

    private static void AssertNoControl(string text) =>
        Assert.DoesNotContain(text, c => char.IsControl(c) && c is not '\n' and not '\r');

    [Fact]
    public void Row12_tables_show_control_characters_escaped()
    {
        using var data = new CorpusTempFolder();
        Corpus(data);
        data.Write($"bad{Esc}[31m.txt", "");   // rejected (empty), with an escape sequence in its name
        var (exit, table, _) = CliRunner.Run("corpus", "--data", data.Path);
        Assert.Equal(0, exit);
        AssertNoControl(table);
        Assert.Contains("Talks \\x1B]0;pwned\\x07 resume", table);
        Assert.Contains("Wire\\x9B31m", table);

        var (_, kwic, _) = CliRunner.Run("kwic", "Ministers", "--data", data.Path, "--mode", "text");
        AssertNoControl(kwic);
        Assert.Contains("met \\x1B[2J in", kwic);

        var (_, rejected, _) = CliRunner.Run("corpus", "--data", data.Path, "--rejected");
        AssertNoControl(rejected);
        Assert.Contains("bad\\x1B[31m.txt", rejected);

        // One-line errors quote paths and values: escaped too.
        var (missing, _, error) = CliRunner.Run("corpus", "--data", $"/no/such/{Esc}[2J");
        Assert.Equal(2, missing);
        AssertNoControl(error);
        Assert.Contains("/no/such/\\x1B[2J", error);
    }

    [Fact]
    public void Row12_csv_and_json_keep_the_data()
    {
        using var data = new CorpusTempFolder();
        Corpus(data);
        var (_, csv, _) = CliRunner.Run("corpus", "--data", data.Path, "--format", "csv");
        var rows = ReadCsv(csv);
        var title = rows[1][Array.IndexOf(rows[0], "Title")];
        Assert.Equal($"Talks {Esc}]0;pwned\u0007 resume", title);
        var (_, json, _) = CliRunner.Run("corpus", "--data", data.Path, "--format", "json");
        using var document = JsonDocument.Parse(json);
        Assert.Equal(title, document.RootElement[0].GetProperty("Title").GetString());
        Assert.Equal("Wire\u009b31m", document.RootElement[0].GetProperty("Source").GetString());
    }

    private static readonly string?[] Hostile =
        ["=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0", "@SUM(1)", "\t=x", "-2+3", "\r=1", "  padded  ", "plain", "'quoted", null];

    private static DataFrame HostileFrame() => new(
        new StringDataFrameColumn("Title", Hostile),
        new DoubleDataFrameColumn("Compound", Enumerable.Range(0, Hostile.Length).Select(i => (double?)(-0.25 * i))),
        new StringDataFrameColumn("=Header", Hostile.Select(_ => "x")));

    [Fact]
    public void Row13_csv_writes_every_cell_as_it_is_never_trimmed()
    {
        var writer = new StringWriter();
        FrameWriter.WriteCsv(HostileFrame(), writer);
        var rows = ReadCsv(writer.ToString());
        Assert.Equal(["Title", "Compound", "=Header"], rows[0]);
        Assert.Equal(Hostile.Select(h => h ?? ""), rows.Skip(1).Select(r => r[0]));
        Assert.Equal("-0.25", rows[2][1]);
    }

    [Fact]
    public void Row13_csv_safe_prefixes_formula_like_text_cells_and_leaves_numbers_alone()
    {
        var writer = new StringWriter();
        FrameWriter.WriteCsv(HostileFrame(), writer, spreadsheetSafe: true);
        var rows = ReadCsv(writer.ToString());
        Assert.Equal(["Title", "Compound", "'=Header"], rows[0]);
        Assert.Equal(
            ["'=HYPERLINK(\"http://evil.example\",\"click\")", "'+cmd|' /C calc'!A0", "'@SUM(1)", "'\t=x", "'-2+3", "'\r=1", "  padded  ", "plain", "'quoted", ""],
            rows.Skip(1).Select(r => r[0]));
        Assert.Equal(Enumerable.Range(0, Hostile.Length).Select(i => (-0.25 * i).ToString("R", CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public void Row13_the_cli_offers_csv_safe_on_every_table_verb()
    {
        using var data = new CorpusTempFolder();
        data.Write("titles.csv", "title,text\n"
            + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",\"A terrible, horrible disaster struck the town.\"\n"
            + "+cmd,\"Another awful and tragic failure was reported.\"\n"
            + "@SUM(1),\"The worst crisis in years, officials said.\"\n");
        var (_, plain, _) = CliRunner.Run("sentiment", "--data", data.Path, "--level", "article", "--format", "csv");
        var (exit, safe, stderr) = CliRunner.Run("sentiment", "--data", data.Path, "--level", "article", "--format", "csv", "--csv-safe");
        Assert.True(exit == 0, stderr);
        var plainRows = ReadCsv(plain);
        var safeRows = ReadCsv(safe);
        int title = Array.IndexOf(plainRows[0], "Title"), compound = Array.IndexOf(plainRows[0], "Compound");
        Assert.Equal(["=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd", "@SUM(1)"], plainRows.Skip(1).Select(r => r[title]));
        Assert.Equal(plainRows.Skip(1).Select(r => "'" + r[title]), safeRows.Skip(1).Select(r => r[title]));
        // Negative scores stay numbers.
        Assert.All(safeRows.Skip(1), r => Assert.StartsWith("-0.", r[compound]));
        Assert.Equal(plainRows.Skip(1).Select(r => r[compound]), safeRows.Skip(1).Select(r => r[compound]));

        foreach (var verb in new[] { "corpus", "entities", "kwic", "sentiment", "timeline", "topics" })
        {
            var (helpExit, help, _) = CliRunner.Run(verb, "--help");
            Assert.True(helpExit == 0 && help.Contains("--csv-safe", StringComparison.Ordinal), verb);
        }
    }
}
