using System.CommandLine;
using NewsAnalysis.Cli.Commands;

namespace NewsAnalysis.Cli;

/// <summary>Every verb of the CLI. Add one line per verb.</summary>
internal static class CommandCatalog
{
    /// <summary>The <c>news</c> root command with every verb (Program.cs runs it; the tests run it in-process).</summary>
    public static RootCommand Root()
    {
        var root = new RootCommand("news: analyse a folder of news articles (corpus, sentiment, entities, topics, timelines, reports).");
        foreach (var command in All()) root.Subcommands.Add(command);
        root.Options.Add(CommonOptions.MaxFileSize());
        return root;
    }

    /// <summary>
    /// Parses and runs a command line (Program.cs; the tests, with their own writers). A malformed one (exit 1) prints its
    /// errors, suggestions and usage all on standard error, so standard output stays clean for CSV/JSON.
    /// </summary>
    public static Task<int> InvokeAsync(string[] args, InvocationConfiguration? config = null)
    {
        var parse = Root().Parse(args);
        config ??= new InvocationConfiguration();
        if (parse.Errors.Count > 0) config.Output = config.Error;
        CommonOptions.MaxFileBytes.Value = parse.Errors.Count == 0 ? parse.GetValue<long?>(CommonOptions.MaxFileSizeName) : null;
        return parse.InvokeAsync(config);
    }

    public static IEnumerable<Command> All()
    {
        yield return CorpusCommand.Create();
        yield return EntitiesCommand.Create();
        yield return KwicCommand.Create();
        yield return TimelineCommand.Create();
        yield return SentimentCommand.Create();
        yield return TopicsCommand.Create();
        yield return RunCommand.Create();
        yield return ReportCommand.Create();
        yield return KernelCommand.Create();
        yield return ExportCommand.Create();
    }
}
