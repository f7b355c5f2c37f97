using Microsoft.Data.Analysis;
using NewsAnalysis.Cli;
using Spectre.Console;

namespace NewsAnalysis.Tests;

/// <summary>
/// The readable table as the CLI rendered it before <c>TableOutput</c> (Spectre.Console's <see cref="Table"/> holding
/// every row): the reference the streamed writer is compared with. Its own copies of the width fitting and cutting, with
/// Spectre's <c>Segment.CellCount</c> for every length, so a shortcut in the writer's measuring cannot hide here.
/// One change from the old code: a cut's first guess stays within the string (the old code threw
/// ArgumentOutOfRangeException on a text of wide characters longer than its column, e.g. "中中中中中" cut to 8 cells).
/// </summary>
internal static class SpectreTableReference
{
    public static void Write(DataFrame frame, TextWriter writer, int width, IReadOnlyCollection<string>? keepEnd = null, int maxCell = 60)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        int total = Math.Max(width, 40);
        console.Profile.Width = total;
        var columns = frame.Columns.ToList();
        var cells = columns.Select(c => Enumerable.Range(0, (int)frame.Rows.Count)
            .Select(r => TerminalText.OneLine(FrameWriter.FormatCell(c[r]))).ToArray()).ToArray();
        var widths = FitWidths(columns, cells, total, maxCell);
        var table = new Table().Border(TableBorder.Rounded);
        for (int c = 0; c < columns.Count; c++)
        {
            var column = new TableColumn(Markup.Escape(TerminalText.OneLine(columns[c].Name))).NoWrap();
            if (keepEnd?.Contains(columns[c].Name) == true) column.RightAligned();
            table.AddColumn(column);
        }
        for (int r = 0; r < frame.Rows.Count; r++)
            table.AddRow(Enumerable.Range(0, columns.Count).Select(c => new Text(Cut(cells[c][r], widths[c], keepEnd?.Contains(columns[c].Name) == true))));
        console.Write(table);
        writer.WriteLine($"{frame.Rows.Count} row(s)");
    }

    private static int[] FitWidths(List<DataFrameColumn> columns, string[][] cells, int total, int maxCell)
    {
        bool[] text = columns.Select(c => c.DataType == typeof(string)).ToArray();
        int[] floor = columns.Select(c => Math.Max(Length(c.Name), 8)).ToArray();
        int[] widths = columns.Select((c, i) =>
        {
            int longest = cells[i].Length == 0 ? 0 : cells[i].Max(Length);
            return Math.Max(Length(c.Name), text[i] ? Math.Min(longest, maxCell) : longest);
        }).ToArray();
        int available = total - (3 * columns.Count + 1);
        bool[] id = columns.Select(c => c.Name.EndsWith("Id", StringComparison.Ordinal)).ToArray();
        foreach (var ids in new[] { false, true })
        {
            while (widths.Sum() > available)
            {
                int widest = -1;
                for (int i = 0; i < widths.Length; i++)
                    if (text[i] && id[i] == ids && widths[i] > floor[i] && (widest < 0 || widths[i] >= widths[widest])) widest = i;
                if (widest < 0) break;
                widths[widest]--;
            }
        }
        return widths;
    }

    private static int Length(string s) => new Spectre.Console.Rendering.Segment(s).CellCount();

    private static string Cut(string s, int width, bool keepEnd)
    {
        if (Length(s) <= width) return s;
        if (keepEnd)
        {
            int start = Math.Max(s.Length - (width - 1), 0);
            while (start < s.Length && Length(s[start..]) > width - 1) start++;
            return "…" + s[start..];
        }
        int end = Math.Min(width - 1, s.Length);
        while (end > 0 && Length(s[..end]) > width - 1) end--;
        return s[..end] + "…";
    }
}
