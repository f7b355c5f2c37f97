using System.Globalization;
using CsvHelper;
using Xunit;

namespace NewsAnalysis.Tests;

public sealed class ShardTests : TempFolderTest
{
    private static List<string> Rows(string csvText)
    {
        using var csv = new CsvReader(new StringReader(csvText), CultureInfo.InvariantCulture);
        var rows = new List<string>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read()) rows.Add(string.Join('\u001f', Enumerable.Range(0, csv.HeaderRecord!.Length).Select(i => csv.GetField(i))));
        return rows;
    }

    [Theory]
    [InlineData("sentiment", "--level", "sentence")]
    [InlineData("entities", "--mentions")]
    [InlineData("timeline")]
    public void The_union_of_n_shards_per_article_results_is_the_single_run(string verb, params string[] view)
    {
        // 150 BBC articles as one CSV.
        var data = Path.Combine(Root, "data");
        Directory.CreateDirectory(data);
        using (var reader = new StreamReader(TestData.BbcCsv!))
        using (var csvIn = new CsvReader(reader, CultureInfo.InvariantCulture))
        using (var writer = new StreamWriter(Path.Combine(data, "bbc.csv")))
        using (var csvOut = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csvIn.Read(); csvIn.ReadHeader();
            csvOut.WriteField("text"); csvOut.WriteField("category"); csvOut.NextRecord();
            for (int i = 0; i < 150 && csvIn.Read(); i++) { csvOut.WriteField(csvIn.GetField("text")); csvOut.WriteField(csvIn.GetField("category")); csvOut.NextRecord(); }
        }
        string[] Args(params string[] more) => [verb, .. view, "--format", "csv", "--data", data, .. more];
        var single = CliRunner.Run(Args("--no-cache"));
        Assert.Equal(0, single.Exit);
        var all = Rows(single.Out);
        Assert.True(all.Count > 50);

        const int n = 3;
        var shards = Enumerable.Range(1, n).Select(i =>
        {
            // Shard 2 through a cache of its own (as a batch task would), the others without.
            var run = CliRunner.Run(i == 2 ? Args("--shard", $"{i}/{n}", "--cache", Path.Combine(Root, "cache2")) : Args("--shard", $"{i}/{n}", "--no-cache"));
            Assert.Equal(0, run.Exit);
            Assert.Equal(single.Out.Split('\n')[0], run.Out.Split('\n')[0]);   // same header
            return Rows(run.Out);
        }).ToList();
        Assert.All(shards, s => Assert.NotEmpty(s));
        var ids = shards.Select(s => s.Select(r => r.Split('\u001f')[0]).ToHashSet()).ToList();
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n; b++) Assert.Empty(ids[a].Intersect(ids[b]));   // disjoint
        Assert.Equal(all.Order(StringComparer.Ordinal), shards.SelectMany(s => s).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_bad_shard_is_a_clear_error()
    {
        var run = CliRunner.Run("sentiment", "--shard", "4/3", "--no-cache");
        Assert.Equal(1, run.Exit);
        Assert.Contains("--shard '4/3' is not i/n", run.Err);
        Assert.Throws<FormatException>(() => CorpusShard.Parse("0/2"));
        Assert.Equal(new CorpusShard(2, 8), CorpusShard.Parse("2/8"));
    }
}
