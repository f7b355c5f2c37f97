using System.Text;

namespace NewsAnalysis.Cli;

/// <summary>
/// CSV or JSON written row by row as a verb makes its rows (<see cref="FrameRowWriter"/>): the same bytes as
/// <see cref="CommonOptions.Write"/> gives for the whole table, to the same places — an --out file whole or not at all
/// (<see cref="AtomicFile"/>; a link, device or pipe written through), else standard output — without holding the table.
/// </summary>
internal static class RowOutput
{
    /// <summary>Whether <paramref name="format"/> can be streamed (the readable table needs every row to size its columns).</summary>
    public static bool CanStream(OutputFormat format) => format is OutputFormat.Csv or OutputFormat.Json;

    /// <summary>Writes the rows <paramref name="rows"/> gives to <paramref name="outFile"/> or <paramref name="stdout"/>.</summary>
    public static void Write(OutputFormat format, FileInfo? outFile, TextWriter stdout, IReadOnlyList<FrameRowColumn> columns,
        bool csvSafe, Action<FrameRowWriter> rows)
    {
        if (!CanStream(format)) throw new ArgumentException($"--format {format.ToString().ToLowerInvariant()} is not written row by row.", nameof(format));
        if (outFile is null)
        {
            if (ReferenceEquals(stdout, Console.Out))
            {
                // Console.Out flushes on every write: cell by cell that was a write(2) per cell (2.5 million for
                // 150,000 lines, 16 s instead of 5 s for a 58 MB table). The process's own standard output gets the
                // same bytes through a buffered stream instead.
                using var console = Console.OpenStandardOutput();
                WriteTo(format, console, null, columns, csvSafe, rows);
                return;
            }
            WriteTo(format, null, stdout, columns, csvSafe, rows);
            return;
        }
        if (!AtomicFile.CanReplace(outFile.FullName))
        {
            using var stream = CommonOptions.CreateOutput(outFile);   // a link, a device or a pipe: written through
            WriteTo(format, stream, null, columns, csvSafe, rows);
            return;
        }
        using var file = CommonOptions.CreateAtomicOutput(outFile);
        WriteTo(format, file.Stream, null, columns, csvSafe, rows);
        file.Commit();   // not reached when a row fails: the temporary file is deleted and the old file stays
    }

    /// <summary>
    /// A buffered byte stream onto <paramref name="stdout"/>: the process's own standard output when it is
    /// <see cref="Console.Out"/> (which flushes on every write), else the writer itself (UTF-8 decoded, as a test's
    /// <see cref="StringWriter"/>). Disposing it flushes what is left.
    /// </summary>
    public static Stream StandardOutput(TextWriter stdout) =>
        new BufferedStream(ReferenceEquals(stdout, Console.Out) ? Console.OpenStandardOutput() : new Utf8TextWriterStream(stdout), 1 << 16);

    private static void WriteTo(OutputFormat format, Stream? stream, TextWriter? console, IReadOnlyList<FrameRowColumn> columns,
        bool csvSafe, Action<FrameRowWriter> rows)
    {
        if (format == OutputFormat.Json)
        {
            var target = stream ?? new Utf8TextWriterStream(console!);
            using (var json = FrameRowWriter.Json(target, columns))
            {
                rows(json);
                json.Complete();
            }
            target.WriteByte((byte)'\n');
            target.Flush();
            return;
        }
        var text = console ?? new StreamWriter(stream!, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
        try
        {
            using (var csv = FrameRowWriter.Csv(text, columns, csvSafe))
            {
                rows(csv);
                csv.Complete();
            }
            text.Flush();
        }
        finally
        {
            if (console is null) text.Dispose();
        }
    }
}
