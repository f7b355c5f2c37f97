using System.CommandLine;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Cli.Commands;

/// <summary><c>news corpus</c>: prints the articles, the rejected inputs, the cleaning changes or the near-duplicates.</summary>
internal static class CorpusCommand
{
    /// <summary>The readable table of the articles (csv and json print every column; the other lists are shown whole).</summary>
    public static readonly TableView Table = new(["Id", "Title", "Source", "Dateline", "Published", "PublishedBasis", "Words"]);

    public static Command Create()
    {
        var data = CommonOptions.Data();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var csvSafe = CommonOptions.CsvSafe();
        var rejected = new Option<bool>("--rejected") { Description = "List the input files that were not loaded, with the reason." };
        var changes = new Option<bool>("--changes") { Description = "List every change the cleaner made to the text." };
        var duplicates = new Option<bool>("--duplicates") { Description = "List pairs of near-duplicate articles." };
        var command = new Command("corpus", "Load the articles and print them as a table, CSV or JSON.") { data, format, output, csvSafe, rejected, changes, duplicates };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            // One list per run (as `news entities` takes one view): two in one CSV/JSON stream would parse as neither.
            var chosen = new[] { rejected, changes, duplicates }.Where(o => parse.GetValue(o)).Select(o => o.Name).ToList();
            if (chosen.Count > 1) throw new ArgumentException($"Choose one of --rejected, --changes and --duplicates, not {string.Join(" and ", chosen)}.");
            var config = parse.InvocationConfiguration;
            var dataPath = CommonOptions.ResolveData(parse.GetValue(data)!);
            var corpus = CommonOptions.LoadCorpus(parse.GetValue(data)!, config.Error, quiet: parse.GetValue(rejected));
            var frame = parse.GetValue(rejected) ? corpus.RejectedFrame()
                : parse.GetValue(changes) ? corpus.ChangeFrame()
                : parse.GetValue(duplicates) ? corpus.NearDuplicateFrame()
                : corpus.ArticleFrame();
            RelativePaths(frame, dataPath);
            CommonOptions.Write(frame, parse.GetValue(format), parse.GetValue(output), config.Output, chosen.Count == 0 ? Table : null, parse.GetValue(csvSafe));
            return 0;
        }));
        return command;
    }

    // Paths relative to the data folder (or a single file's folder), so output does not depend on where it ran.
    internal static void RelativePaths(DataFrame frame, string dataPath)
    {
        if (frame.Columns.IndexOf("Path") < 0) return;
        var full = Path.GetFullPath(dataPath);
        var baseDir = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        var column = (StringDataFrameColumn)frame.Columns["Path"];
        for (long r = 0; r < column.Length; r++)
            if (column[r] is { } p && Path.IsPathRooted(p)) column[r] = Path.GetRelativePath(baseDir, p).Replace('\\', '/');
    }
}
