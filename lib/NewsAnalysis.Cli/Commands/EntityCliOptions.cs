using System.CommandLine;

namespace NewsAnalysis.Cli.Commands;

/// <summary>Options and corpus/gazetteer loading shared by <c>news entities</c> and <c>news kwic</c>.</summary>
internal static class EntityCliOptions
{
    public static Option<string?> Gazetteer() => new("--gazetteer") { Description = "Gazetteer CSV (default: data/gazetteer/entities.csv of this repository)." };

    public static Option<bool> NoMetonymy() => new("--no-metonymy") { Description = "Keep capitals as places (\"Moscow said\" stays Moscow instead of Russia)." };

    public static Option<bool> Demonyms() => new("--demonyms") { Description = "Also count demonyms (\"Russian\" as Russia)." };

    /// <summary>Loads the corpus and the gazetteer and recognises the entities.</summary>
    public static EntityAnalysis Analyse(ParseResult parse, Option<string> data, Option<string?> gazetteer, Option<bool> noMetonymy, Option<bool>? demonyms)
    {
        var corpus = CommonOptions.LoadCorpus(parse.GetValue(data)!, parse.InvocationConfiguration.Error);
        var path = parse.GetValue(gazetteer);
        var g = path is null ? NewsAnalysis.Gazetteer.Default : NewsAnalysis.Gazetteer.Load(CommonOptions.ResolveData(path));
        var options = new EntityOptions { Metonymy = !parse.GetValue(noMetonymy), Demonyms = demonyms is not null && parse.GetValue(demonyms) };
        return EntityAnalysis.Run(corpus, g, options);
    }
}
