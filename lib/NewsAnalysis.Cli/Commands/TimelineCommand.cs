using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Cli.Commands;

/// <summary><c>news timeline</c>: prints the dated events the articles tell of, or the articles by publication date.</summary>
internal static class TimelineCommand
{
    /// <summary>The readable table: the expression, its resolved range and the sentence; CSV and JSON carry every contract column.</summary>
    public static readonly TableView Table = new(["ArticleId", "Sentence", "Expression", "Start", "End", "Evidence"]);

    public static Command Create()
    {
        var data = CommonOptions.Data();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var csvSafe = CommonOptions.CsvSafe();
        var articles = new Option<bool>("--articles") { Description = "List the articles by publication date (with how the date was established) instead of the events." };
        var anchor = new Option<DateTime?>("--anchor")
        {
            Description = "Resolve relative dates of articles without a publication date against this date (yyyy-MM-dd). Without it they stay unresolved.",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    && date.Year is >= 1000 and <= 8999) return date;
                // Bounded so that relative expressions resolved against it ("next year", "since the 1990s") stay representable dates.
                result.AddError($"--anchor '{text}' is not a date in the form yyyy-MM-dd from 1000-01-01 to 8999-12-31.");
                return null;
            },
        };
        var cache = StoreOptions.Cache();
        var noCache = StoreOptions.NoCache();
        var shard = StoreOptions.Shard();
        var command = new Command("timeline", "Print the dated events the articles tell of (or, with --articles, when the articles appeared).")
        {
            data, format, output, csvSafe, articles, anchor, cache, noCache, shard,
        };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            var fallback = parse.GetValue(anchor);
            var chosen = parse.GetValue(format);
            if (RowOutput.CanStream(chosen) && !parse.GetValue(articles))
            {
                // CSV and JSON of the events are written as they are made (an unchanged file's rows as kept by the store).
                return StoreOptions.Run(parse, data, cache, noCache, () =>
                {
                    var corpus = CommonOptions.LoadCorpus(parse.GetValue(data)!, parse.InvocationConfiguration.Error);
                    RowOutput.Write(chosen, parse.GetValue(output), parse.InvocationConfiguration.Output, TimelineEvents.FrameColumns, parse.GetValue(csvSafe),
                        writer => TimelineEvents.WriteFrameRows(corpus, writer, fallback));
                    return 0;
                }, shard);
            }
            DataFrame frame = StoreOptions.Run(parse, data, cache, noCache, () =>
            {
                var corpus = CommonOptions.LoadCorpus(parse.GetValue(data)!, parse.InvocationConfiguration.Error);
                return parse.GetValue(articles) ? TimelineEvents.PublicationFrame(corpus) : TimelineEvents.Frame(corpus, fallback);
            }, shard);
            CommonOptions.Write(frame, chosen, parse.GetValue(output), parse.InvocationConfiguration.Output, parse.GetValue(articles) ? null : Table, parse.GetValue(csvSafe));
            return 0;
        }));
        return command;
    }
}
