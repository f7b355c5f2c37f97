using System.CommandLine;
using Microsoft.Data.Analysis;

namespace NewsAnalysis.Cli.Commands;

/// <summary>
/// <c>news entities</c>: who and what the articles talk about. Default view: one row per entity (mentions, articles,
/// sentences); <c>--mentions</c>, <c>--counts</c>, <c>--sources</c>, <c>--pairs</c>, <c>--discover</c> choose another.
/// </summary>
internal static class EntitiesCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var csvSafe = CommonOptions.CsvSafe();
        var gazetteer = EntityCliOptions.Gazetteer();
        var noMetonymy = EntityCliOptions.NoMetonymy();
        var demonyms = EntityCliOptions.Demonyms();
        var mentions = new Option<bool>("--mentions") { Description = "One row per mention: ArticleId, Sentence, Entity, Type, Surface, Start, Length." };
        var counts = new Option<bool>("--counts") { Description = "One row per article and entity: ArticleId, Title, Source, Entity, Type, Mentions." };
        var sources = new Option<bool>("--sources") { Description = "One row per source and entity: Source, Entity, Type, Mentions, Articles." };
        var pairs = new Option<bool>("--pairs") { Description = "Entities named in the same sentence: EntityA, EntityB, Sentences, Articles." };
        var discover = new Option<bool>("--discover") { Description = "Capitalised names the gazetteer lacks, with counts (to extend data/gazetteer/entities.csv)." };
        var min = new Option<int>("--min") { Description = "With --pairs or --discover: leave out rows seen fewer times than this (default 1 for pairs, 2 for discover)." }.Within(0, int.MaxValue);
        var cache = StoreOptions.Cache();
        var noCache = StoreOptions.NoCache();
        var shard = StoreOptions.Shard();
        var command = new Command("entities", "Recognise entities (countries, people, organisations, places, groups) with the gazetteer and print counts, mentions, pairs or unknown names.")
        {
            data, format, output, csvSafe, gazetteer, noMetonymy, demonyms, mentions, counts, sources, pairs, discover, min, cache, noCache, shard,
        };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            var views = new[] { mentions, counts, sources, pairs, discover }.Where(o => parse.GetValue(o)).ToList();
            if (views.Count > 1)
                throw new ArgumentException($"Choose one view, not {string.Join(" and ", views.Select(v => v.Name))}.");
            int? minimum = parse.GetResult(min) is null ? null : parse.GetValue(min);
            // The view is made while the store is in effect: the analysis reads its results (and frame segments) when asked.
            var frame = StoreOptions.Run(parse, data, cache, noCache, () =>
            {
                var analysis = EntityCliOptions.Analyse(parse, data, gazetteer, noMetonymy, demonyms);
                return views.FirstOrDefault() switch
                {
                    var v when v == mentions => analysis.MentionFrame(),
                    var v when v == counts => analysis.CountFrame(),
                    var v when v == sources => analysis.SourceFrame(),
                    var v when v == pairs => analysis.PairFrame(minimum ?? 1),
                    var v when v == discover => analysis.Discover(minimum ?? 2),
                    _ => analysis.SummaryFrame(),
                };
            }, shard);
            CommonOptions.Write(frame, parse.GetValue(format), parse.GetValue(output), parse.InvocationConfiguration.Output, csvSafe: parse.GetValue(csvSafe));
            return 0;
        }));
        return command;
    }
}
