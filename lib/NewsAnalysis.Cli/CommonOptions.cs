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

    /// <summary>Exit code of a runtime error (bad input, unreadable or unwritable file); parse errors exit 1.</summary>
    public const int RuntimeError = 2;

    /// <summary>
    /// Runs a verb's action; bad input or an unreadable/unwritable file becomes one line on standard error
    /// (<c>news VERB: message</c>) and exit code <see cref="RuntimeError"/>, never a stack trace.
    /// </summary>
    public static int Guard(ParseResult parse, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (IsUserError(e))
        {
            parse.InvocationConfiguration.Error.WriteLine($"news {parse.CommandResult.Command.Name}: {Message(e)}");
            return RuntimeError;
        }
    }

    /// <summary>Errors caused by the input or the environment (reported in one line), as opposed to bugs.</summary>
    public static bool IsUserError(Exception e) =>
        e is IOException or UnauthorizedAccessException or ArgumentException or FormatException or InvalidDataException or NotSupportedException;

    /// <summary>An exception's message for the user: without .NET's " (Parameter 'x')" suffix.</summary>
    public static string Message(Exception e) =>
        e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;

    /// <summary>
    /// Loads the corpus of the --data value; when files were rejected, says so in one line on standard error
    /// (standard output stays clean for csv/json) unless <paramref name="quiet"/>.
    /// </summary>
    public static NewsCorpus LoadCorpus(string data, TextWriter error, bool quiet = false)
    {
        var corpus = Corpus.Load(ResolveData(data));
        if (!quiet && corpus.Rejected.Count > 0) error.WriteLine(RejectedNotice(corpus.Rejected.Count, data));
        return corpus;
    }

    /// <summary>The line telling how many files were rejected and how to list them.</summary>
    public static string RejectedNotice(int count, string data) =>
        $"{count} file(s) rejected — see: news corpus --data {Quote(data)} --rejected";

    private static string Quote(string s) => s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || "/._-~+:,@".Contains(c)) ? s : "'" + s.Replace("'", "'\\''") + "'";

    /// <summary>
    /// Creates <paramref name="outFile"/> for writing (and its folder); a folder, a parent that is a file or a path
    /// without permission is an <see cref="IOException"/> naming the path.
    /// </summary>
    public static Stream CreateOutput(FileInfo outFile)
    {
        var path = outFile.FullName;
        if (Directory.Exists(path)) throw new IOException($"cannot write '{path}': it is a folder (give a file name).");
        try
        {
            outFile.Directory?.Create();
            return outFile.Create();
        }
        catch (UnauthorizedAccessException)
        {
            throw new IOException($"cannot write '{path}': permission denied.");
        }
        catch (IOException e)
        {
            throw new IOException($"cannot write '{path}': {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="frame"/> to <paramref name="outFile"/> or standard output.</summary>
    public static void Write(DataFrame frame, OutputFormat format, FileInfo? outFile, TextWriter stdout)
    {
        if (outFile is not null)
        {
            using var stream = CreateOutput(outFile);
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
