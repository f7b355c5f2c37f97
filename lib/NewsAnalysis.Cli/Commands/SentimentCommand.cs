using System.CommandLine;

namespace NewsAnalysis.Cli.Commands;

/// <summary>Levels of <c>news sentiment</c>.</summary>
internal enum SentimentLevel { Sentence, Paragraph, Article, Entity }

/// <summary><c>news sentiment</c>: VADER sentiment per sentence, paragraph, article or entity, or per line of a file.</summary>
internal static class SentimentCommand
{
    /// <summary>The readable table of each level (CSV and JSON carry every column): what the row is, its compound score and label, then its text; --lines shows the six columns.</summary>
    public static TableView Table(SentimentLevel level, bool lines) => new(lines ? ["Line", "Text", "Compound", "Positive", "Neutral", "Negative"] : level switch
    {
        SentimentLevel.Paragraph => ["ArticleId", "Paragraph", "Sentences", "Compound", "Label", "Text"],
        SentimentLevel.Article => ["ArticleId", "Title", "Published", "Sentences", "Compound", "Label"],
        SentimentLevel.Entity => ["Entity", "Type", "Articles", "Mentions", "Sentences", "Compound", "Label"],
        _ => ["ArticleId", "Sentence", "Compound", "Label", "Text"],
    });

    public static Command Create()
    {
        var data = CommonOptions.Data();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var csvSafe = CommonOptions.CsvSafe();
        var level = new Option<SentimentLevel>("--level")
        {
            Description = "sentence, paragraph, article (means of sentence scores) or entity (tone of the sentences mentioning each gazetteer entity, or those of --mentions/--entity).",
            DefaultValueFactory = _ => SentimentLevel.Sentence,
        };
        var lines = new Option<FileInfo?>("--lines") { Description = "Score each line of this file as one text (no splitting): Line, Text, Compound, Positive, Neutral, Negative." };
        var mentions = new Option<FileInfo?>("--mentions") { Description = "For --level entity: a CSV of entity mentions (ArticleId, Sentence, Entity, Type, Surface, Start, Length)." };
        var entities = new Option<string[]>("--entity")
        {
            Description = "For --level entity: follow this name, found as a whole word; NAME or NAME=SURFACE|SURFACE (e.g. \"United States=US|U.S.|United States\"). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        entities.Validators.Add(result =>
        {
            try { ParseEntities(result.GetValueOrDefault<string[]>() ?? []); }
            catch (ArgumentException e) { result.AddError(e.Message); }
        });
        var cache = StoreOptions.Cache();
        var noCache = StoreOptions.NoCache();
        var shard = StoreOptions.Shard();
        var command = new Command("sentiment", "VADER sentiment of the articles per sentence, paragraph, article or entity, or of each line of a file.")
            { data, format, output, csvSafe, level, lines, mentions, entities, cache, noCache, shard };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            VaderSentimentAnalyzer.Preload();   // every path below scores: read the lexicons while the input is opened and read
            var streams = RowOutput.CanStream(parse.GetValue(format));
            if (parse.GetValue(lines) is not null)
            {
                if (streams) { Stream(parse, data, lines, csvSafe, format, output); return 0; }
                var scored = Build(parse.GetValue(data)!, parse.GetValue(level), parse.GetValue(lines), parse.GetValue(mentions), parse.GetValue(entities) ?? [], parse.InvocationConfiguration.Error);
                CommonOptions.Write(scored, parse.GetValue(format), parse.GetValue(output), parse.InvocationConfiguration.Output, Table(parse.GetValue(level), true), parse.GetValue(csvSafe));
                return 0;
            }
            return StoreOptions.Run(parse, data, cache, noCache, () =>
            {
                if (streams && parse.GetValue(level) == SentimentLevel.Sentence) { Stream(parse, data, lines, csvSafe, format, output); return 0; }
                var frame = Build(parse.GetValue(data)!, parse.GetValue(level), parse.GetValue(lines), parse.GetValue(mentions), parse.GetValue(entities) ?? [], parse.InvocationConfiguration.Error);
                CommonOptions.Write(frame, parse.GetValue(format), parse.GetValue(output), parse.InvocationConfiguration.Output, Table(parse.GetValue(level), false), parse.GetValue(csvSafe));
                return 0;
            }, shard);
        }));
        return command;
    }

    /// <summary>
    /// --lines and the sentence level in CSV/JSON: each row is written as soon as it is scored (the same bytes as the
    /// frame would give), so memory does not grow with the input and the first rows come out at once.
    /// </summary>
    private static void Stream(ParseResult parse, Option<string> data, Option<FileInfo?> lines, Option<bool> csvSafe, Option<OutputFormat> format, Option<FileInfo?> output)
    {
        IReadOnlyList<FrameRowColumn> columns;
        Action<FrameRowWriter> rows;
        if (parse.GetValue(lines) is { } file)
        {
            var text = TextLineReader.ReadLines(file.FullName);   // opened (or refused) before any output
            columns = SentimentAnalysis.LineColumns;
            rows = writer => SentimentAnalysis.WriteLineRows(text, writer);
        }
        else
        {
            var corpus = CommonOptions.LoadCorpus(parse.GetValue(data)!, parse.InvocationConfiguration.Error);
            columns = SentimentAnalysis.SentenceColumns;
            rows = writer => SentimentAnalysis.WriteSentenceRows(corpus, writer);
        }
        RowOutput.Write(parse.GetValue(format), parse.GetValue(output), parse.InvocationConfiguration.Output, columns, parse.GetValue(csvSafe), rows);
    }

    private static Microsoft.Data.Analysis.DataFrame Build(string data, SentimentLevel level, FileInfo? lines, FileInfo? mentions, string[] entities, TextWriter error)
    {
        if (lines is not null)
        {
            // The corpus loader's decoding: a binary or undecodable file is refused, not scored as random bytes; only a
            // regular file is read (a FIFO or a device would block or never end), a line at a time.
            return SentimentAnalysis.LinesFrame(TextLineReader.ReadLines(lines.FullName));
        }
        var corpus = CommonOptions.LoadCorpus(data, error);
        return level switch
        {
            SentimentLevel.Paragraph => SentimentAnalysis.ParagraphFrame(corpus),
            SentimentLevel.Article => SentimentAnalysis.ArticleFrame(corpus),
            // Mentions come from the gazetteer's recogniser unless a mentions file or --entity names are given.
            SentimentLevel.Entity when mentions is not null => EntitySentiment.OverallFrame(corpus, EntitySentiment.ReadMentionsCsv(mentions.FullName)),
            SentimentLevel.Entity when entities.Length > 0 => EntitySentiment.OverallFrame(corpus, EntitySentiment.MatchMentions(corpus, ParseEntities(entities), "NAME")),
            SentimentLevel.Entity => EntitySentiment.OverallFrame(corpus, EntityAnalysis.Run(corpus).MentionFrame()),
            _ => SentimentAnalysis.SentenceFrame(corpus),
        };
    }

    /// <summary>"NAME" or "NAME=SURFACE|SURFACE" → name → surfaces (the name itself when none are given).</summary>
    private static Dictionary<string, string[]> ParseEntities(string[] specs)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var eq = spec.IndexOf('=');
            var name = (eq < 0 ? spec : spec[..eq]).Trim();
            var surfaces = eq < 0 ? [name] : spec[(eq + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (name.Length == 0 || surfaces.Length == 0) throw new ArgumentException($"--entity '{spec}': expected NAME or NAME=SURFACE|SURFACE.");
            result[name] = surfaces;
        }
        return result;
    }
}
