using System.CommandLine;
using System.Text;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Cli.Commands;

/// <summary>Formats of <c>news export</c>.</summary>
internal enum ExportFormat { Parquet, Csv }

/// <summary>
/// <c>news export DIR</c>: every frame of the analyses (articles, paragraphs, sentences, sentiment, mentions, events,
/// topics, near-duplicates, rejected inputs) as one Parquet (or CSV) file each, with a README.md giving the schema, so
/// DuckDB, pandas, Polars or Spark take over.
/// </summary>
internal static class ExportCommand
{
    /// <summary>
    /// The exported frames: file name, what one row is, and how it is built. <paramref name="note"/> takes what a frame
    /// has to say about how it was made (the topic model: saved and reused, or fitted).
    /// </summary>
    private static IEnumerable<(string Name, string Row, Func<NewsCorpus, DataFrame> Frame)> Frames(string dataPath, Action<string> note) =>
    [
        ("articles", "one article (cleaned text, inferred title/source/date and how)", c => { var f = c.ArticleFrame(); CorpusCommand.RelativePaths(f, dataPath); return f; }),
        ("paragraphs", "one paragraph (offsets into the article's Text)", c => c.ParagraphFrame()),
        ("sentences", "one sentence (offsets into the article's Text)", c => c.SentenceFrame()),
        ("sentiment_sentences", "one sentence's VADER scores", c => SentimentAnalysis.SentenceFrame(c)),
        ("sentiment_articles", "one article's mean VADER scores over its sentences", c => SentimentAnalysis.ArticleFrame(c)),
        ("mentions", "one entity mention (gazetteer entities; offsets into the article's Text)", c => EntityAnalysis.Run(c).MentionDetailFrame()),
        ("events", "one temporal expression resolved to dates (Timeline)", c => TimelineEvents.Frame(c)),
        ("topics", "one article's topic (default options; with a result store, the saved topic model with new articles assigned to it, as `news topics`)", c =>
        {
            var model = TopicModelReuse.FitOrAssign(c);
            if (model.ModelNote is { } reuse) note("topics: " + reuse);
            return model.UnitFrame();
        }),
        ("near_duplicates", "one pair of nearly identical articles", c => c.NearDuplicateFrame()),
        ("rejected", "one input file or row that was not loaded, with the reason", c => { var f = c.RejectedFrame(); CorpusCommand.RelativePaths(f, dataPath); return f; }),
    ];

    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder to write the files and README.md to (created if missing; outside the data)." };
        var data = CommonOptions.Data();
        var to = new Option<ExportFormat>("--to") { Description = "parquet (typed columns, zstd) or csv (UTF-8).", DefaultValueFactory = _ => ExportFormat.Parquet };
        var cache = StoreOptions.Cache();
        var noCache = StoreOptions.NoCache();
        var shard = StoreOptions.Shard();
        // The topic fit is most of an export's time (65 of 85 CPU seconds on 100,000 short articles; beyond the 10-minute
        // mark at 1,000,000) and a shard's model is not comparable with another's: --skip topics leaves it out.
        var skip = new Option<string[]>("--skip")
        {
            Description = "Leave out these files (repeatable or comma-separated), e.g. --skip topics: " + string.Join(", ", Names) + ".",
            AllowMultipleArgumentsPerToken = false,
        };
        skip.Validators.Add(result =>
        {
            var unknown = SkipNames(result.GetValueOrDefault<string[]>()).Where(n => !Names.Contains(n, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0) result.AddError($"--skip '{string.Join(", ", unknown)}': not an exported file; choose from {string.Join(", ", Names)}.");
        });
        var command = new Command("export", "Write every frame (articles, paragraphs, sentences, sentiment, mentions, events, topics, ...) as Parquet or CSV files with a README of the schema.")
        {
            folder, data, to, cache, noCache, shard, skip,
        };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            var target = parse.GetValue(folder)!.FullName;
            var dataPath = CommonOptions.ResolveData(parse.GetValue(data)!);
            OutputPlacement.EnsureOutsideData(target, dataPath, "export folder");
            Directory.CreateDirectory(target);
            var format = parse.GetValue(to);
            var error = parse.InvocationConfiguration.Error;
            var written = StoreOptions.Run(parse, data, cache, noCache, () =>
            {
                var corpus = CommonOptions.LoadCorpus(parse.GetValue(data)!, error);
                // Only each file's schema and row count are kept for the README, not its frame: holding every frame until
                // the end kept the articles', sentences' and sentiment frames alive through the topic fit (peak 1.5 GB at
                // 100,000 short articles).
                var files = new List<ExportedFile>();
                var notes = new List<string>();
                var skipped = SkipNames(parse.GetValue(skip)).ToHashSet(StringComparer.Ordinal);
                foreach (var (name, row, build) in Frames(dataPath, notes.Add).Where(f => !skipped.Contains(f.Name)))
                {
                    DataFrame frame;
                    try { frame = build(corpus); }
                    catch (Exception e) when (CommonOptions.IsUserError(e) || e is InvalidOperationException)
                    {
                        error.WriteLine(TerminalText.OneLine($"news export: {name} not written: {CommonOptions.Message(e)}"));
                        continue;
                    }
                    var file = name + (format == ExportFormat.Parquet ? ".parquet" : ".csv");
                    var path = Path.Combine(target, file);
                    if (format == ExportFormat.Parquet) FrameParquet.Write(frame, path);
                    else CommonOptions.Write(frame, OutputFormat.Csv, new FileInfo(path), TextWriter.Null);
                    files.Add(new ExportedFile(file, row, frame.Rows.Count, frame.Columns.Select(c => (c.Name, FrameParquet.SqlType(c))).ToList()));
                }
                // After the files are written, as `news topics` does: when a write fails, its error is the only line.
                foreach (var line in notes) error.WriteLine(TerminalText.OneLine($"news export: {line}"));
                return files;
            }, shard);
            WriteReadme(Path.Combine(target, "README.md"), written, format, dataPath);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {written.Count} file(s) and README.md to {target}");
            return 0;
        }));
        return command;
    }

    /// <summary>The names of the exported files (without extension), in the order they are written.</summary>
    private static readonly string[] Names = Frames("", _ => { }).Select(f => f.Name).ToArray();

    // --skip values: each may be a comma-separated list; names are lower case as written.
    private static IEnumerable<string> SkipNames(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(v => v.ToLowerInvariant());

    /// <summary>What the README says of one written file: its name, what a row is, its row count and its columns with their types.</summary>
    private sealed record ExportedFile(string File, string Row, long Rows, IReadOnlyList<(string Name, string Type)> Columns);

    private static void WriteReadme(string path, List<ExportedFile> files, ExportFormat format, string dataPath)
    {
        var md = new StringBuilder();
        md.AppendLine("# NewsAnalysis export").AppendLine();
        md.AppendLine($"Written by `news export --to {format.ToString().ToLowerInvariant()}` from `{dataPath}` on {DateTime.UtcNow:yyyy-MM-dd}. ")
          .AppendLine("Every file has the columns of the frame of the same name in the library (see docs/). `ArticleId` joins every file to `articles.Id`; ")
          .AppendLine("`Start`/`Length` offsets index `articles.Text`; `Sentence`/`Paragraph` are indexes within the article.").AppendLine();
        if (format == ExportFormat.Parquet)
            md.AppendLine("Read with DuckDB (`SELECT * FROM 'mentions.parquet'`), pandas (`pd.read_parquet`), Polars or Spark. Dates are TIMESTAMP (midnight for a day).").AppendLine();
        foreach (var (file, row, rows, columns) in files)
        {
            md.AppendLine($"## {file}").AppendLine().AppendLine($"{rows:N0} rows; one row = {row}.").AppendLine();
            md.AppendLine("| column | type |").AppendLine("| --- | --- |");
            foreach (var (name, type) in columns) md.AppendLine($"| {name} | {type} |");
            md.AppendLine();
        }
        File.WriteAllText(path, md.ToString(), new UTF8Encoding(false));
    }
}
