using System.CommandLine;
using System.Text;
using Microsoft.Data.Analysis;
using Spectre.Console;

namespace NewsAnalysis.Cli;

/// <summary>Output formats of the table-printing verbs.</summary>
internal enum OutputFormat { Table, Csv, Json }

/// <summary>Options shared by the verbs, and the code that prints a DataFrame in the chosen format.</summary>
internal static class CommonOptions
{
    /// <summary>The default article folder, relative to the repository root (or the working directory).</summary>
    public const string DefaultData = "data/articles";

    public static Option<string> Data() => new("--data")
    {
        Description = "Folder or file of articles (default: data/articles of this repository).",
        DefaultValueFactory = _ => DefaultData,
    };

    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "Output format: table (readable), csv (UTF-8) or json (array of row objects).",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    public static Option<FileInfo?> Out() => new("--out") { Description = "Write to this file instead of standard output." };

    /// <summary>Resolves a --data value: as given if it exists, else relative to the repository root (so the CLI works from any folder of the repo).</summary>
    public static string ResolveData(string data)
    {
        if (Path.Exists(data) || Path.IsPathRooted(data)) return data;
        var root = RepositoryRoot.Find();
        if (root is not null && Path.Exists(Path.Combine(root, data))) return Path.Combine(root, data);
        return data;
    }

    /// <summary>
    /// Runs a verb's <paramref name="action"/>; bad input (a missing file, a malformed file such as a gazetteer or
    /// mentions CSV, a bad value such as an unknown entity) is one line <c>news VERB: message</c> on standard error and exit code 2.
    /// </summary>
    public static int RunGuarded(ParseResult parse, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception ex) when (ex is FileNotFoundException or FormatException or ArgumentException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"news {parse.CommandResult.Command.Name}: {ex.Message}");
            return 2;
        }
    }

    /// <summary>Writes <paramref name="frame"/> to <paramref name="outFile"/> or standard output.</summary>
    public static void Write(DataFrame frame, OutputFormat format, FileInfo? outFile, TextWriter stdout)
    {
        if (outFile is not null)
        {
            outFile.Directory?.Create();
            using var stream = outFile.Create();
            WriteTo(frame, format, stream, null);
            return;
        }
        using var buffer = new MemoryStream();
        WriteTo(frame, format, buffer, stdout);
        if (buffer.Length > 0) stdout.Write(new UTF8Encoding(false).GetString(buffer.ToArray()));
    }

    private static void WriteTo(DataFrame frame, OutputFormat format, Stream stream, TextWriter? console)
    {
        switch (format)
        {
            case OutputFormat.Json:
                FrameWriter.WriteJson(frame, stream);
                stream.WriteByte((byte)'\n');
                break;
            case OutputFormat.Csv:
                using (var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true)) FrameWriter.WriteCsv(frame, w);
                break;
            default:
                if (console is not null) { WriteTable(frame, console); break; }
                using (var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true)) WriteTable(frame, w);
                break;
        }
    }

    /// <summary>A readable table (Spectre.Console); long cells are shortened with an ellipsis.</summary>
    public static void WriteTable(DataFrame frame, TextWriter writer, int maxCell = 60)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = Math.Max(Console.IsOutputRedirected ? 200 : SafeWindowWidth(), 80);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var c in frame.Columns) table.AddColumn(new TableColumn(Markup.Escape(c.Name)));
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            var cells = frame.Columns.Select(c =>
            {
                var s = FrameWriter.FormatCell(c[r]).ReplaceLineEndings(" ");
                if (s.Length > maxCell) s = s[..(maxCell - 1)] + "…";
                return new Text(s);
            });
            table.AddRow(cells);
        }
        console.Write(table);
        writer.WriteLine($"{frame.Rows.Count} row(s)");
    }

    private static int SafeWindowWidth()
    {
        try { return Console.WindowWidth; } catch (IOException) { return 200; }
    }
}
