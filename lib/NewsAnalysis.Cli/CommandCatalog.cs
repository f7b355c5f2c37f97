using System.CommandLine;
using NewsAnalysis.Cli.Commands;

namespace NewsAnalysis.Cli;

/// <summary>Every verb of the CLI. Add one line per verb.</summary>
internal static class CommandCatalog
{
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
