using System.CommandLine;

namespace NewsAnalysis.Cli.Commands;

/// <summary><c>news corpus</c>: prints the articles, the rejected inputs or the cleaning changes.</summary>
internal static class CorpusCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var rejected = new Option<bool>("--rejected") { Description = "List the input files that were not loaded, with the reason." };
        var changes = new Option<bool>("--changes") { Description = "List every change the cleaner made to the text." };
        var command = new Command("corpus", "Load the articles and print them as a table, CSV or JSON.") { data, format, output, rejected, changes };
        command.SetAction(parse =>
        {
            var corpus = Corpus.Load(CommonOptions.ResolveData(parse.GetValue(data)!));
            var frame = parse.GetValue(rejected) ? corpus.RejectedFrame()
                : parse.GetValue(changes) ? corpus.ChangeFrame()
                : corpus.ArticleFrame();
            CommonOptions.Write(frame, parse.GetValue(format), parse.GetValue(output), parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }
}
