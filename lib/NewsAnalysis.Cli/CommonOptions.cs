using System.CommandLine;
using System.Text;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Cli;

/// <summary>
/// How a verb's readable table differs from its CSV/JSON: the compact columns shown (those the frame has, in this order)
/// and the columns cut at their start and right-aligned.
/// </summary>
internal sealed record TableView(IReadOnlyList<string> Columns, IReadOnlyCollection<string>? KeepEnd = null)
{
    /// <summary>The frame's columns named in <see cref="Columns"/>, in that order.</summary>
    public DataFrame Select(DataFrame frame) =>
        new(Columns.Where(c => frame.Columns.IndexOf(c) >= 0).Select(c => frame.Columns[c]));
}

/// <summary>Output formats of the table-printing verbs.</summary>
internal enum OutputFormat { Table, Csv, Json, Parquet }

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
        Description = "Output format: table (readable), csv (UTF-8), json (array of row objects) or parquet (typed columns, needs --out).",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    public static Option<FileInfo?> Out() => new("--out") { Description = "Write to this file instead of standard output." };

    public static Option<bool> CsvSafe() => new("--csv-safe")
    {
        Description = "With --format csv: prefix ' to text cells starting with = + - @ tab or CR, so spreadsheets show them as text instead of running them as formulas.",
    };

    /// <summary>
    /// <c>--max-file-size</c>, on every verb (a recursive option of the root): the cap on one single-article file (txt,
    /// md, html, a JSON object) and on one row of a CSV/JSON Lines file; collections themselves have no cap. Bytes, or
    /// with a K, M or G suffix (1024-based).
    /// </summary>
    public static Option<long?> MaxFileSize() => new(MaxFileSizeName)
    {
        Description = "Largest single-article file (or collection row) read, e.g. 50M (default 20M); CSV/JSONL/JSON-array files are streamed whatever their size.",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (ParseSize(text) is { } bytes) return bytes;
            result.AddError($"--max-file-size '{text}' is not a size: give bytes, or a number with K, M or G (e.g. 50M), from 1 to 1G.");
            return null;
        },
    };

    /// <summary>The name of <see cref="MaxFileSize"/>.</summary>
    public const string MaxFileSizeName = "--max-file-size";

    /// <summary>The --max-file-size of the command line being run (set once per invocation by <see cref="CommandCatalog.InvokeAsync"/>).</summary>
    public static readonly AsyncLocal<long?> MaxFileBytes = new();

    /// <summary>A size in bytes from <c>123</c>, <c>64K</c>, <c>50M</c> or <c>1G</c> (1024-based), from 1 byte to 1 GB; null otherwise.</summary>
    public static long? ParseSize(string text)
    {
        text = text.Trim();
        long unit = 1;
        if (text.Length > 0 && "kKmMgG".Contains(text[^1]))
        {
            unit = char.ToUpperInvariant(text[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, _ => 1L << 30 };
            text = text[..^1];
        }
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= (1L << 30) / unit ? n * unit : null;
    }

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
    /// (<c>news VERB: message</c>) and exit code <see cref="RuntimeError"/>, never a stack trace. Any other exception
    /// (a bug) is one line too, naming its type. An --out file inside the data folder is refused first.
    /// </summary>
    public static int Guard(ParseResult parse, Func<int> action)
    {
        try
        {
            OutputPlacement.Check(parse);
            return action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Report(parse, e);
        }
    }

    /// <summary><see cref="Guard"/> for a verb whose action is asynchronous (<c>news run</c>, <c>news report</c>).</summary>
    public static async Task<int> GuardAsync(ParseResult parse, Func<Task<int>> action)
    {
        try
        {
            OutputPlacement.Check(parse);
            return await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Report(parse, e);
        }
    }

    // One line, control characters escaped (messages quote file names and values from the data); a bug names its type.
    private static int Report(ParseResult parse, Exception e)
    {
        var message = IsUserError(e) ? Message(e) : $"{e.GetType().Name}: {e.Message}";
        parse.InvocationConfiguration.Error.WriteLine(TerminalText.OneLine($"news {parse.CommandResult.Command.Name}: {message}"));
        return RuntimeError;
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
        var options = MaxFileBytes.Value is { } cap ? CorpusOptions.Default with { MaxFileBytes = cap } : CorpusOptions.Default;
        var corpus = StoreOptions.ApplyShard(Corpus.Load(ResolveData(data), options));
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
    public static Stream CreateOutput(FileInfo outFile) => OpenOutput(outFile, _ => outFile.Create());

    /// <summary>
    /// <see cref="CreateOutput"/> for a file written whole or not at all (when <see cref="AtomicFile.CanReplace"/>): the
    /// previous file stays until <see cref="AtomicFile.Commit"/> (an existing file must be writable, as for <see cref="CreateOutput"/>).
    /// </summary>
    public static AtomicFile CreateAtomicOutput(FileInfo outFile) => OpenOutput(outFile, path =>
    {
        if (File.Exists(path)) new FileStream(path, FileMode.Open, FileAccess.Write).Dispose();   // permission, not truncated
        return AtomicFile.Create(path);
    });

    private static T OpenOutput<T>(FileInfo outFile, Func<string, T> open)
    {
        var path = outFile.FullName;
        if (Directory.Exists(path)) throw new IOException($"cannot write '{path}': it is a folder (give a file name).");
        try
        {
            outFile.Directory?.Create();
            return open(path);
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

    /// <summary>
    /// Writes <paramref name="frame"/> to <paramref name="outFile"/> (whole or not at all: see <see cref="AtomicFile"/>)
    /// or standard output. For the table format only, <paramref name="table"/> picks the compact set of columns shown and
    /// how they are cut (CSV and JSON keep every column); <paramref name="csvSafe"/> applies to CSV only.
    /// </summary>
    public static void Write(DataFrame frame, OutputFormat format, FileInfo? outFile, TextWriter stdout, TableView? table = null, bool csvSafe = false)
    {
        if (format == OutputFormat.Parquet)
        {
            if (outFile is null) throw new ArgumentException("--format parquet writes a binary file: name it with --out FILE.parquet.");
            FrameParquet.Write(frame, OpenOutput(outFile, path => path));
            return;
        }
        if (format == OutputFormat.Table && table is not null) frame = table.Select(frame);
        var keepEnd = table?.KeepEnd ?? [];
        if (outFile is not null && !AtomicFile.CanReplace(outFile.FullName))
        {
            using var stream = CreateOutput(outFile);   // a link, a device or a pipe (--out /dev/stdout): written through
            WriteTo(frame, format, stream, null, keepEnd, csvSafe);
            return;
        }
        if (outFile is not null)
        {
            using var file = CreateAtomicOutput(outFile);
            WriteTo(frame, format, file.Stream, null, keepEnd, csvSafe);
            file.Commit();
            return;
        }
        if (format != OutputFormat.Table)
        {
            // CSV and JSON go out as they are written: the whole text held first (a MemoryStream, its copy and a UTF-16
            // string of it, ~3.5 times the output) made `news corpus --format csv` of 1,000,000 short articles (390 MB of
            // CSV) peak at 4.0 GB; written through, 2.3 GB (the load alone: 1.7 GB).
            using var target = RowOutput.StandardOutput(stdout);
            WriteTo(frame, format, target, null, keepEnd, csvSafe);
            return;
        }
        using var buffer = new MemoryStream();
        WriteTo(frame, format, buffer, stdout, keepEnd, csvSafe);
        if (buffer.Length > 0) stdout.Write(new UTF8Encoding(false).GetString(buffer.ToArray()));
    }

    private static void WriteTo(DataFrame frame, OutputFormat format, Stream stream, TextWriter? console, IReadOnlyCollection<string> keepEnd, bool csvSafe)
    {
        switch (format)
        {
            case OutputFormat.Json:
                FrameWriter.WriteJson(frame, stream);
                stream.WriteByte((byte)'\n');
                break;
            case OutputFormat.Csv:
                using (var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true)) FrameWriter.WriteCsv(frame, w, csvSafe);
                break;
            default:
                if (console is not null) { WriteTable(frame, console, keepEnd: keepEnd); break; }
                using (var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true)) WriteTable(frame, w, FileTableWidth, keepEnd);
                break;
        }
    }

    /// <summary>The width of a table written to a file or a redirected stream.</summary>
    public const int FileTableWidth = 200;

    /// <summary>
    /// A readable table (Spectre.Console's rounded table, written a row at a time by <see cref="TableOutput"/>), one line per row: cells are single-line, no longer than
    /// <paramref name="maxCell"/>, and text columns (widest first, never numbers or dates) are cut with an ellipsis
    /// until the table fits <paramref name="width"/> (default: the terminal's, or <see cref="FileTableWidth"/> when
    /// redirected). Columns in <paramref name="keepEnd"/> keep their end and are right-aligned (KWIC's left context).
    /// </summary>
    public static void WriteTable(DataFrame frame, TextWriter writer, int? width = null, IReadOnlyCollection<string>? keepEnd = null, int maxCell = 60) =>
        TableOutput.Write(frame, writer, width, keepEnd, maxCell);
}
