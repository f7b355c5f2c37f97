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
        return root;
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
    }
}
