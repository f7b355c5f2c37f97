using System.Text;
using Microsoft.Data.Analysis;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NewsAnalysis.Cli;

/// <summary>
/// The readable table of the table verbs (<c>--format table</c>): the bytes Spectre.Console's <see cref="Table"/>
/// (Rounded border, no-wrap columns, one line per row) gives for the fitted, cut cells, written a row at a time.
/// </summary>
/// <remarks>
/// Written by hand (not Spectre's <see cref="Table"/>) for its cost only: Spectre lays the whole table out in memory
/// (every cell a <see cref="Text"/>, measured per column, rendered into one list of segments, merged, then written).
/// Measured on the sentence sentiment table of 100,000 short articles (311,892 rows, `output` benchmark suite, 2 cores,
/// load 12-14): Spectre 169 µs and 46 KB allocated per row (on 30,000 rows); the whole `news sentiment` run, second run,
/// 107.8 s and 2.48 GB peak with Spectre, 10-15 s and ~600 MB with this writer (CSV: 5.8-7.4 s, ~385 MB); same bytes.
/// This writer: 6.7 µs a row (CSV of every column: 2.4 µs). It holds the formatted cells (the frame is in memory anyway):
/// formatting them again for a second pass would cost 0.24 s CPU and 175 MB allocated per pass (measured), to save the
/// ~80 MB (estimated: 311,892 rows of number strings, cut texts and references) held.
/// Spectre's own pieces still decide what is printed: cell widths are Spectre's (<see cref="Segment.CellCount()"/> of the
/// whitespace-separated runs, as its <see cref="Paragraph"/> measures them), the border strings come from
/// <see cref="TableBorder.GetColumnRow"/>, and headers are Spectre <see cref="Markup"/> rendered by Spectre. A property
/// test compares the output with Spectre's rendering of the same table (CliTableWriterTests).
/// When the columns do not fit the width even at their floors, Spectre shrinks every column evenly and wraps cells over
/// several lines (<c>TableMeasurer.CalculateColumnWidths</c>: no column may wrap, so <c>CollapseWidths</c> does nothing and
/// <c>Ratio.Reduce</c> takes the excess from all columns, numbers included; then <c>Paragraph.SplitLines</c> folds each cell
/// and headers too): that case is left to Spectre itself (<see cref="WriteWithSpectre"/>), as reproducing its ratio and
/// folding rules would copy much of its layout code for tables that are unreadable anyway — except where Spectre would
/// never finish (<see cref="SpectreLoops"/>): there the rows are written one line each, wider than the terminal.
/// </remarks>
internal static class TableOutput
{
    /// <summary>Writes <paramref name="frame"/> as <see cref="CommonOptions.WriteTable"/> describes; says how it was laid out.</summary>
    public static TableLayout Write(DataFrame frame, TextWriter writer, int? width, IReadOnlyCollection<string>? keepEnd, int maxCell)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        int total = Math.Max(width ?? (Console.IsOutputRedirected ? CommonOptions.FileTableWidth : SafeWindowWidth()), 40);
        console.Profile.Width = total;
        var columns = frame.Columns.ToList();
        int rows = (int)frame.Rows.Count;
        var cells = columns.Select(c =>
        {
            var column = new string[rows];
            for (int r = 0; r < rows; r++) column[r] = TerminalText.OneLine(FrameWriter.FormatCell(c[r]));
            return column;
        }).ToArray();
        var widths = FitWidths(columns, cells, total, maxCell);
        bool[] right = columns.Select(c => keepEnd?.Contains(c.Name) == true).ToArray();
        for (int c = 0; c < columns.Count; c++)
            for (int r = 0; r < rows; r++) cells[c][r] = Cut(cells[c][r], widths[c], right[c]);
        // As TableColumn(string) makes its header: markup with an ellipsis where it overflows.
        var headers = columns.Select(c => new Markup(Markup.Escape(TerminalText.OneLine(c.Name))).Overflow(Overflow.Ellipsis)).ToArray();

        // Spectre's column widths: the widest of the header and the (cut) cells, as Spectre measures them.
        var options = RenderOptions.Create(console);
        int[] shown = new int[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            int widest = ((IRenderable)headers[c]).Measure(options, int.MaxValue).Max;
            foreach (var cell in cells[c]) widest = Math.Max(widest, CellWidth(cell));
            shown[c] = widest;
        }
        int available = total - (3 * columns.Count + 1);
        var layout = columns.Count == 0 || shown.Sum() > available
            ? SpectreLoops(shown, available, cells) ? TableLayout.OverWidth : TableLayout.Spectre
            : TableLayout.Streamed;
        if (layout == TableLayout.Spectre) WriteWithSpectre(console, columns, headers, cells, right);
        else WriteRows(writer, options, headers, cells, right, shown);
        writer.WriteLine($"{rows} row(s)");
        return layout;
    }

    /// <summary>How <see cref="Write"/> laid a table out.</summary>
    public enum TableLayout
    {
        /// <summary>Every column fitted: Spectre's bytes, written a row at a time.</summary>
        Streamed,
        /// <summary>The columns did not fit even at their floors: Spectre.Console's Table itself (shrunk and wrapped).</summary>
        Spectre,
        /// <summary>
        /// As <see cref="Spectre"/>, but Spectre would never finish: one line per row at the fitted widths, wider than the
        /// total width (the terminal wraps the lines).
        /// </summary>
        OverWidth,
    }

    // Whether Spectre 0.57.2 would loop forever on this table: when the columns do not fit, TableMeasurer takes the excess
    // evenly from every column (each measured width clipped to the cells' total width, then Ratio.Reduce with ratios of
    // 1), and Paragraph.SplitLines, folding a cell into a column 1 cell wide, re-queues a 2-cell character (CJK, emoji)
    // forever, adding empty lines (found by the property test; the CLI hung on such a table on a narrow terminal).
    // Conservative: any character outside printable ASCII in a column left 1 cell wide counts.
    private static bool SpectreLoops(int[] shown, int available, string[][] cells)
    {
        var widths = shown.Select(w => Math.Min(w, available)).ToArray();
        int excess = widths.Sum() - available;
        if (excess <= 0) return false;
        int totalRatio = widths.Count(w => w > 0), remaining = excess;
        for (int c = 0; c < widths.Length; c++)
        {
            if (widths[c] <= 0 || totalRatio <= 0) continue;
            int distributed = (int)Math.Min(widths[c], Math.Round((double)(remaining / totalRatio)));
            widths[c] -= distributed;
            remaining -= distributed;
            totalRatio--;
        }
        if (widths.Any(w => w < 0)) return false;   // Spectre prints "…" for the table
        return widths.Select((w, c) => w == 1 && cells[c].Any(cell => !IsPrintableAscii(cell))).Any(loops => loops);
    }

    // The lines Spectre's TableRenderer writes when every column fits: top border, header, header rule (when there are
    // rows), the rows, bottom border; "│ " before each cell, " │" after the last, padding after the cell (before it in a
    // right-aligned column). Lines are gathered in a buffer flushed every 64K characters, so a console writer with
    // AutoFlush (standard output) is not called per line.
    private static void WriteRows(TextWriter writer, RenderOptions options, Markup[] headers, string[][] cells, bool[] right, int[] shown)
    {
        // Spectre renders a table with the border's safe form (Square) when the output's encoding is not Unicode.
        var border = TableBorder.Rounded.GetSafeBorder(!options.Unicode);
        var padded = shown.Select(_ => new TableColumn("")).ToArray();   // the default padding: one space either side
        var line = new StringBuilder(1 << 16);
        var newLine = Environment.NewLine;
        line.Append(border.GetColumnRow(TablePart.Top, shown, padded)).Append(newLine);
        for (int c = 0; c < headers.Length; c++)
        {
            line.Append(border.GetPart(c == 0 ? TableBorderPart.HeaderLeft : TableBorderPart.HeaderSeparator)).Append(' ');
            var segments = ((IRenderable)headers[c])
                .Render(options with { Justification = right[c] ? Justify.Right : null }, shown[c])
                .Where(s => !s.IsLineBreak).ToList();
            foreach (var s in segments) line.Append(s.Text);
            line.Append(' ', shown[c] - Segment.CellCount(segments) + 1);
        }
        line.Append(border.GetPart(TableBorderPart.HeaderRight)).Append(newLine);
        int rows = cells[0].Length;
        if (rows > 0) line.Append(border.GetColumnRow(TablePart.HeaderSeparator, shown, padded)).Append(newLine);
        string left = border.GetPart(TableBorderPart.CellLeft), separator = border.GetPart(TableBorderPart.CellSeparator),
            end = border.GetPart(TableBorderPart.CellRight);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cells.Length; c++)
            {
                var cell = cells[c][r];
                int pad = shown[c] - CellWidth(cell);
                line.Append(c == 0 ? left : separator).Append(' ');
                if (right[c]) line.Append(' ', pad).Append(cell).Append(' ');
                else line.Append(cell).Append(' ', pad + 1);
            }
            line.Append(end).Append(newLine);
            if (line.Length >= 1 << 16) { writer.Write(line); line.Clear(); }
        }
        line.Append(border.GetColumnRow(TablePart.Bottom, shown, padded)).Append(newLine);
        writer.Write(line);
    }

    // The table through Spectre.Console itself: for the columns that do not fit (see the remarks).
    private static void WriteWithSpectre(IAnsiConsole console, List<DataFrameColumn> columns, Markup[] headers, string[][] cells, bool[] right)
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (int c = 0; c < columns.Count; c++)
        {
            var column = new TableColumn(headers[c]).NoWrap();
            if (right[c]) column.RightAligned();
            table.AddColumn(column);
        }
        int rows = columns.Count == 0 ? 0 : cells[0].Length;
        for (int r = 0; r < rows; r++) table.AddRow(cells.Select(column => new Text(column[r])));
        console.Write(table);
    }

    // Column widths: each column's longest cell (text capped at maxCell), then the widest text column narrowed one
    // character at a time (not below its header or 8) until the table with its borders fits the total width; id
    // columns (Id, ArticleId, ...) only once the other text columns are at their floor, as a cut id is less useful.
    private static int[] FitWidths(List<DataFrameColumn> columns, string[][] cells, int total, int maxCell)
    {
        bool[] text = columns.Select(c => c.DataType == typeof(string)).ToArray();
        int[] floor = columns.Select(c => Math.Max(Length(c.Name), 8)).ToArray();
        int[] widths = columns.Select((c, i) =>
        {
            int longest = cells[i].Length == 0 ? 0 : cells[i].Max(Length);
            return Math.Max(Length(c.Name), text[i] ? Math.Min(longest, maxCell) : longest);
        }).ToArray();
        int available = total - (3 * columns.Count + 1);   // "│ " before each column, " │" after the last
        bool[] id = columns.Select(c => c.Name.EndsWith("Id", StringComparison.Ordinal)).ToArray();
        foreach (var ids in new[] { false, true })
        {
            while (widths.Sum() > available)
            {
                int widest = -1;
                for (int i = 0; i < widths.Length; i++)
                    if (text[i] && id[i] == ids && widths[i] > floor[i] && (widest < 0 || widths[i] >= widths[widest])) widest = i;
                if (widest < 0) break;   // nothing left to narrow in this pass (after the last, Spectre shrinks and wraps)
                widths[widest]--;
            }
        }
        return widths;
    }

    // Printable ASCII (control characters are escaped before this) is one cell a character in Spectre's measure.
    private static bool IsPrintableAscii(ReadOnlySpan<char> s) => s.IndexOfAnyExceptInRange(' ', '~') < 0;

    // A string's cells as Spectre measures one piece of text (Segment.CellCount: wcwidth per character, except that a
    // zero-width joiner hides the next character and VS16 may widen the one before). Without those two it is the sum
    // of its characters' widths, so it is measured by runs as CellWidth does (no allocation for ASCII runs).
    private static int Length(string s) =>
        IsPrintableAscii(s) ? s.Length : s.AsSpan().IndexOfAny('\u200D', '\uFE0F') >= 0 ? new Segment(s).CellCount() : CellWidth(s);

    // A cell's cells as Spectre's Paragraph measures it: the sum over its runs of white space and of other characters
    // (it splits text there, so a joiner or VS16 before a space counts differently than in Length). A run of printable
    // ASCII is one cell a character; any other run is measured by Spectre.
    private static int CellWidth(string s)
    {
        if (IsPrintableAscii(s)) return s.Length;
        int width = 0;
        for (int start = 0; start < s.Length;)
        {
            bool space = char.IsWhiteSpace(s[start]);
            int end = start + 1;
            while (end < s.Length && char.IsWhiteSpace(s[end]) == space) end++;
            var run = s.AsSpan(start, end - start);
            width += IsPrintableAscii(run) ? run.Length : new Segment(run.ToString()).CellCount();
            start = end;
        }
        return width;
    }

    // Cuts s to width cells with an ellipsis, at the end or (keepEnd) at the start. The first guess is width - 1
    // characters, within the string (wide characters: fewer characters than cells).
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

    private static int SafeWindowWidth()
    {
        try { return Console.WindowWidth; } catch (IOException) { return 200; }
    }
}
