using System.CommandLine;

namespace NewsAnalysis.Cli.Commands;

/// <summary><c>news kwic TERM</c>: keyword in context, for a word, a phrase or an entity under all its names.</summary>
internal static class KwicCommand
{
    /// <summary>The readable table: one line per match, the left context right-aligned so the matches line up.</summary>
    public static readonly TableView Table = new(["ArticleId", "Sentence", "Left", "Match", "Right"], KeepEnd: ["Left"]);

    /// <summary>The widest context --width accepts (characters either side).</summary>
    public const int MaxWidth = 10_000;

    public static Command Create()
    {
        var term = new Argument<string>("term") { Description = "A word, a phrase (\"gas pipeline\"), a prefix (pipe*), or an entity name or alias (US finds U.S., United States, Washington as the government...)." };
        term.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
                result.AddError("the term is empty: give a word, a phrase, a prefix (pipe*) or an entity name to look for.");
        });
        var data = CommonOptions.Data();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var csvSafe = CommonOptions.CsvSafe();
        var gazetteer = EntityCliOptions.Gazetteer();
        var noMetonymy = EntityCliOptions.NoMetonymy();
        var width = new Option<int>("--width") { Description = "Characters of context either side, 0 to 10000 (default 40).", DefaultValueFactory = _ => KeywordInContext.DefaultWidth }.Within(0, MaxWidth);
        var mode = new Option<KwicMode>("--mode") { Description = "auto (an entity when the term names one, else text), text, or entity.", DefaultValueFactory = _ => KwicMode.Auto };
        var command = new Command("kwic", "Keyword in context: every occurrence of a word, phrase or entity with the text either side.")
        {
            term, data, format, output, csvSafe, width, mode, gazetteer, noMetonymy,
        };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            var analysis = EntityCliOptions.Analyse(parse, data, gazetteer, noMetonymy, null);
            var frame = analysis.Kwic(parse.GetValue(term)!, parse.GetValue(width), parse.GetValue(mode));
            CommonOptions.Write(frame, parse.GetValue(format), parse.GetValue(output), parse.InvocationConfiguration.Output, Table, parse.GetValue(csvSafe));
            return 0;
        }));
        return command;
    }
}
