using System.CommandLine;
using System.Globalization;

namespace NewsAnalysis.Cli.Commands;

/// <summary><c>news topics</c>: clusters articles, paragraphs or sentences into labelled topics.</summary>
internal static class TopicsCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var csvSafe = CommonOptions.CsvSafe();
        var unit = new Option<TopicUnit>("--unit")
        {
            Description = "What to cluster: article, paragraph or sentence.",
            DefaultValueFactory = _ => TopicUnit.Paragraph,
        };
        var k = new Option<string>("--k")
        {
            Description = "Number of topics, or 'auto' to choose it (2..10, at most √(units/2)) at the first peak of the silhouette.",
            DefaultValueFactory = _ => "auto",
        };
        k.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (ParseK(value) is null && !string.Equals(value, "auto", StringComparison.OrdinalIgnoreCase))
                result.AddError($"--k must be 'auto' or a whole number of at least 1, not '{value}'.");
        });
        var method = new Option<TopicMethod>("--method")
        {
            Description = "kmeans (on TF-IDF reduced by SVD, the default), lda (on term counts) or embeddings (MiniLM sentence embeddings; slower, cached on disk).",
            DefaultValueFactory = _ => TopicMethod.KMeans,
        };
        var summary = new Option<bool>("--summary") { Description = "One row per topic (label, size, top terms) instead of one row per unit." };
        var command = new Command("topics", "Cluster the articles (or their paragraphs or sentences) into labelled topics.")
        {
            data, unit, k, method, format, output, csvSafe, summary,
        };
        command.SetAction(parse => CommonOptions.Guard(parse, () =>
        {
            var corpus = CommonOptions.LoadCorpus(parse.GetValue(data)!, parse.InvocationConfiguration.Error);
            var options = new TopicOptions
            {
                Unit = parse.GetValue(unit),
                Method = parse.GetValue(method),
                K = ParseK(parse.GetValue(k)),
            };
            var model = TopicModeler.Fit(corpus, options);
            if (model.KNote is { } note) parse.InvocationConfiguration.Error.WriteLine($"news topics: {note}");
            var frame = parse.GetValue(summary) ? model.SummaryFrame() : model.UnitFrame();
            CommonOptions.Write(frame, parse.GetValue(format), parse.GetValue(output), parse.InvocationConfiguration.Output, csvSafe: parse.GetValue(csvSafe));
            return 0;
        }));
        return command;
    }

    private static int? ParseK(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;
}
