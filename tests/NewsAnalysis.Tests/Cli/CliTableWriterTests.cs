using System.Text;
using CsCheck;
using Microsoft.Data.Analysis;
using NewsAnalysis.Cli;
using NewsAnalysis.Cli.Commands;

namespace NewsAnalysis.Tests;

/// <summary>
/// The readable table written a row at a time (<c>TableOutput</c>, behind <see cref="CommonOptions.WriteTable"/>) is
/// byte for byte what Spectre.Console's Table gave for the same frame (<see cref="SpectreTableReference"/>).
/// </summary>
public class CliTableWriterTests
{
    // Cells that stress the measuring: empty and blank, long ASCII (cut), CJK and emoji (two cells), a ZWJ family and
    // VS16 (Spectre's wcwidth rules), a joiner before a space (where a cell's width is the sum of its runs), combining
    // marks (zero cells), right-to-left text, control characters and line breaks (escaped), markup brackets.
    private static readonly string[] Texts =
    [
        "", " ", "  two  spaces  ", "plain", "Café", "naïve résumé", "中文新闻报道", "日本語のニュース記事です", "한국어 기사",
        "😀", "👍🏽 fine", "👨‍👩‍👧 family", "☕️ coffee", "❤️", "a\u200D b", "x\uFE0F y", "e\u0301e\u0301e\u0301", "Z\u0335\u0336a\u0337lgo",
        "مرحبا بالعالم", "tab\there", "ctl\u0001\u001B[2J", "line\nbreak\r\nagain", "[red]not markup[/]", "…already…",
        "The Prime Minister said the plan would cut costs across every department by the end of the next financial year.",
        "长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长",
        "emoji 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 end",
    ];
    private static readonly string[] Names = ["ArticleId", "Sentence", "Compound", "Label", "Text", "Left", "Match", "Published", "标题", "[x]", "", "A very long column header name"];

    private static readonly Gen<string?> TextCell = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (8, Gen.Int[0, Texts.Length - 1].Select(i => (string?)Texts[i])),
        (2, Gen.Int[0, Texts.Length - 1].Array[1, 4].Select(picks => (string?)string.Join(" ", picks.Select(i => Texts[i])))),
        (2, Gen.String.Select(s => (string?)s)));
    private static readonly Gen<double?> NumberCell = Gen.Frequency(
        (1, Gen.Const((double?)null)), (3, Gen.Double[-1, 1].Select(d => (double?)d)), (1, Gen.Double.Select(d => (double?)d)));
    private static readonly Gen<DateTime?> DateCell = Gen.Frequency(
        (1, Gen.Const((DateTime?)null)), (2, Gen.DateTime.Select(d => (DateTime?)d)), (2, Gen.DateTime.Select(d => (DateTime?)d.Date)));

    // A column: a name, a type (string twice as often), and whether it keeps its end (right-aligned, cut at the start).
    private static readonly Gen<(string Name, int Kind, bool KeepEnd)[]> Columns =
        Gen.Select(Gen.Int[0, Names.Length - 1], Gen.Int[0, 4], Gen.Bool, (n, k, e) => (Names[n], k, e)).Array[0, 7]
            .Select(cs => cs.Select((c, i) => (c.Item1 + (i > 0 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""), c.Item2, c.Item3)).ToArray());

    // A row: one candidate cell of each type per column slot; each column takes the one of its type.
    private static readonly Gen<(string? Text, int Int, double? Number, DateTime? Date)[]> Row =
        Gen.Select(TextCell, Gen.Int, NumberCell, DateCell, (s, i, d, t) => (s, i, d, t)).Array[7];

    private static readonly Gen<DataFrame> Frames = Gen.Select(Columns, Row.Array[0, 30], (columns, rows) =>
        new DataFrame(columns.Select((c, i) => c.Kind switch
        {
            0 or 1 => (DataFrameColumn)new StringDataFrameColumn(c.Name, rows.Select(r => r[i].Text)),
            2 => new Int32DataFrameColumn(c.Name, rows.Select(r => (int?)r[i].Int)),
            3 => new DoubleDataFrameColumn(c.Name, rows.Select(r => r[i].Number)),
            _ => new DateTimeDataFrameColumn(c.Name, rows.Select(r => r[i].Date)),
        })));

    private static string Reference(DataFrame frame, int width, IReadOnlyCollection<string> keepEnd, int maxCell, Func<TextWriter> writer, Func<TextWriter, string> text)
    {
        var w = writer();
        SpectreTableReference.Write(frame, w, width, keepEnd, maxCell);
        return text(w);
    }

    private static IReadOnlyCollection<string> KeepEnd(DataFrame frame, int seed) =>
        frame.Columns.Where((c, i) => ((seed >> (i % 30)) & 1) == 1).Select(c => c.Name).ToHashSet();

    [Fact]
    public void Cli_table_writer_gives_spectre_bytes_for_generated_frames()
    {
        var layouts = new System.Collections.Concurrent.ConcurrentDictionary<TableOutput.TableLayout, int>();
        Gen.Select(Frames, Gen.Int[20, 220], Gen.Int[0, 1 << 20], Gen.Int[4, 70]).Sample((frame, width, seed, maxCell) =>
        {
            var keepEnd = KeepEnd(frame, seed);
            var actual = new StringWriter();
            var layout = TableOutput.Write(frame, actual, width, keepEnd, maxCell);
            layouts.AddOrUpdate(layout, 1, (_, n) => n + 1);
            var lines = actual.ToString().Split('\n');
            if (layout == TableOutput.TableLayout.OverWidth)
            {
                // Spectre would never finish this one: one line per row, each as long as the top border.
                Assert.Equal(frame.Rows.Count + (frame.Rows.Count > 0 ? 6 : 5), lines.Length);
                Assert.Equal($"{frame.Rows.Count} row(s)", lines[^2]);
                Assert.True(lines[0].Length > Math.Max(width, 40), lines[0]);
                return;
            }
            var expected = Reference(frame, width, keepEnd, maxCell, () => new StringWriter(), w => w.ToString()!);
            Assert.Equal(expected, actual.ToString());
            if (layout == TableOutput.TableLayout.Streamed) Assert.Equal(frame.Rows.Count + (frame.Rows.Count > 0 ? 6 : 5), lines.Length);
        }, iter: 1000);
        // Each case was generated: one line per row (this writer), columns too wide even at their floors (Spectre's
        // Table), and those Spectre would loop on.
        Assert.True(layouts.GetValueOrDefault(TableOutput.TableLayout.Streamed) > 300, string.Join(", ", layouts));
        Assert.True(layouts.GetValueOrDefault(TableOutput.TableLayout.Spectre) > 20, string.Join(", ", layouts));
        Assert.True(layouts.GetValueOrDefault(TableOutput.TableLayout.OverWidth) > 0, string.Join(", ", layouts));
    }

    [Fact]
    public void Cli_table_writer_gives_spectre_bytes_through_a_non_unicode_writer()
    {
        // An output whose encoding is not Unicode gets Spectre's safe border (Square instead of Rounded).
        static TextWriter Ascii() => new StreamWriter(new MemoryStream(), Encoding.ASCII);
        static string Bytes(TextWriter w)
        {
            w.Flush();
            return Convert.ToHexString(((MemoryStream)((StreamWriter)w).BaseStream).ToArray());
        }
        Gen.Select(Frames, Gen.Int[20, 220], Gen.Int[0, 1 << 20]).Sample((frame, width, seed) =>
        {
            var keepEnd = KeepEnd(frame, seed);
            var actual = Ascii();
            if (TableOutput.Write(frame, actual, width, keepEnd, 60) == TableOutput.TableLayout.OverWidth) return;   // as above
            Assert.Equal(Reference(frame, width, keepEnd, 60, Ascii, Bytes), Bytes(actual));
        }, iter: 200);
    }

    [Fact]
    public void Cli_table_writer_gives_spectre_bytes_for_the_seed_tables_of_every_verb_shape()
    {
        // The real frames at the terminal widths people use, and a frame large enough to be written in several pieces.
        var frames = new (DataFrame Frame, TableView View)[]
        {
            (SentimentAnalysis.SentenceFrame(TestData.Seeds), SentimentCommand.Table(SentimentLevel.Sentence, lines: false)),
            (TimelineEvents.Frame(TestData.Seeds), TimelineCommand.Table),
            (EntityAnalysis.Run(TestData.Seeds).Kwic("pipeline", 40, KwicMode.Auto), KwicCommand.Table),
        };
        foreach (var (frame, view) in frames)
            foreach (var width in new[] { 40, 80, 120, 200 })
            {
                var shown = view.Select(frame);
                var expected = new StringWriter();
                SpectreTableReference.Write(shown, expected, width, view.KeepEnd);
                var actual = new StringWriter();
                CommonOptions.WriteTable(shown, actual, width, view.KeepEnd);
                Assert.Equal(expected.ToString(), actual.ToString());
            }
        var many = new DataFrame(new StringDataFrameColumn("Text", Enumerable.Range(0, 3000).Select(i => $"row {i} " + Texts[i % Texts.Length])));
        var big = new StringWriter();
        SpectreTableReference.Write(many, big, 120);
        var streamed = new StringWriter();
        CommonOptions.WriteTable(many, streamed, 120);
        Assert.True(big.ToString().Length > 1 << 17);
        Assert.Equal(big.ToString(), streamed.ToString());
    }
}
