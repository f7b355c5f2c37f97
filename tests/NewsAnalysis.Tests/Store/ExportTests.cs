using System.Globalization;
using CsvHelper;
using DuckDB.NET.Data;
using Xunit;

namespace NewsAnalysis.Tests;

public sealed class ExportTests : TempFolderTest
{
    // Every cell of a Parquet file read by DuckDB, as the CSV writer formats it (null as empty).
    private static List<string[]> ReadParquet(string path, out string[] header)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet('{path.Replace("'", "''")}')";
        using var reader = command.ExecuteReader();
        header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : FrameWriter.FormatCell(reader.GetValue(i))).ToArray());
        return rows;
    }

    private static List<string[]> ReadCsv(string path, out string[] header)
    {
        using var text = new StreamReader(path);
        using var csv = new CsvReader(text, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        header = csv.HeaderRecord!;
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, header.Length).Select(i => csv.GetField(i) ?? "").ToArray());
        return rows;
    }

    private static void AssertSameTable(string parquet, string csv)
    {
        var fromParquet = ReadParquet(parquet, out var parquetHeader);
        var fromCsv = ReadCsv(csv, out var csvHeader);
        Assert.Equal(csvHeader, parquetHeader);
        Assert.Equal(fromCsv.Count, fromParquet.Count);
        for (int r = 0; r < fromCsv.Count; r++) Assert.Equal(fromCsv[r], fromParquet[r]);
    }

    [Fact]
    public void Export_gives_the_topics_news_topics_gives_from_the_same_store_the_saved_model_with_new_articles_assigned()
    {
        var data = Path.Combine(Root, "data");
        Directory.CreateDirectory(data);
        var seeds = Directory.GetFiles(TestData.Articles).Order(StringComparer.Ordinal).ToList();
        foreach (var file in seeds.Skip(1)) File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        var cache = Path.Combine(Root, "cache");
        var fitted = CliRunner.Run("topics", "--format", "csv", "--data", data, "--cache", cache);
        Assert.Equal(0, fitted.Exit);

        // A new article: `news topics` assigns it to the saved model; export, on the same store, must give that table.
        File.Copy(seeds[0], Path.Combine(data, Path.GetFileName(seeds[0])));
        var topics = CliRunner.Run("topics", "--format", "csv", "--data", data, "--cache", cache);
        Assert.Equal(0, topics.Exit);
        Assert.Contains("assigned", topics.Err);
        var csv = Path.Combine(Root, "csv");
        var export = CliRunner.Run("export", csv, "--to", "csv", "--data", data, "--cache", cache);
        Assert.Equal(0, export.Exit);
        Assert.Contains("news export: topics:", export.Err);
        Assert.Equal(topics.Out.ReplaceLineEndings("\n").TrimEnd(), File.ReadAllText(Path.Combine(csv, "topics.csv")).ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public void Export_skip_leaves_out_the_files_named_and_writes_the_others_whole()
    {
        var all = Path.Combine(Root, "all");
        var some = Path.Combine(Root, "some");
        Assert.Equal(0, CliRunner.Run("export", all, "--to", "csv", "--no-cache").Exit);
        var run = CliRunner.Run("export", some, "--to", "csv", "--no-cache", "--skip", "topics", "--skip", "sentences,Events");
        Assert.Equal((0, ""), (run.Exit, run.Err));
        var left = new[] { "topics", "sentences", "events" };
        var names = Directory.GetFiles(all, "*.csv").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(10, names.Count);
        foreach (var name in names)
        {
            var path = Path.Combine(some, name + ".csv");
            if (left.Contains(name)) { Assert.False(File.Exists(path), $"{name}.csv written"); continue; }
            Assert.Equal(File.ReadAllText(Path.Combine(all, name + ".csv")), File.ReadAllText(path));
        }
        var readme = File.ReadAllText(Path.Combine(some, "README.md"));
        Assert.DoesNotContain("## topics.csv", readme);
        Assert.Contains("## mentions.csv", readme);

        var wrong = CliRunner.Run("export", Path.Combine(Root, "wrong"), "--no-cache", "--skip", "topic");
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("--skip 'topic': not an exported file; choose from articles, paragraphs,", wrong.Err);
        Assert.False(Directory.Exists(Path.Combine(Root, "wrong")));
    }

    [Fact]
    public void Export_to_parquet_writes_every_frame_that_DuckDB_reads_back_as_the_csv_export()
    {
        var pq = Path.Combine(Root, "pq");
        var csv = Path.Combine(Root, "csv");
        Assert.Equal(0, CliRunner.Run("export", pq, "--no-cache").Exit);
        Assert.Equal(0, CliRunner.Run("export", csv, "--to", "csv", "--no-cache").Exit);
        var names = new[] { "articles", "paragraphs", "sentences", "sentiment_sentences", "sentiment_articles", "mentions", "events", "topics", "near_duplicates", "rejected" };
        foreach (var name in names)
            AssertSameTable(Path.Combine(pq, name + ".parquet"), Path.Combine(csv, name + ".csv"));
        var readme = File.ReadAllText(Path.Combine(pq, "README.md"));
        foreach (var name in names)   // each file's section with its row count (the README is written from what was kept of each frame)
            Assert.Contains($"## {name}.parquet\n\n{ReadParquet(Path.Combine(pq, name + ".parquet"), out _).Count:N0} rows; one row = ", readme.ReplaceLineEndings("\n"));
        Assert.Contains("| Compound | DOUBLE |", readme);
        Assert.Contains("| Published | TIMESTAMP |", readme);
        // Real content, not empty files: every seed article and its mentions.
        Assert.Equal(TestData.Seeds.Articles.Count, ReadParquet(Path.Combine(pq, "articles.parquet"), out _).Count);
        Assert.True(ReadParquet(Path.Combine(pq, "mentions.parquet"), out _).Count > 100);
    }

    [Fact]
    public void Format_parquet_of_a_table_verb_holds_the_csv_output_and_needs_out()
    {
        var parquet = Path.Combine(Root, "s.parquet");
        var csv = Path.Combine(Root, "s.csv");
        Assert.Equal(0, CliRunner.Run("timeline", "--format", "parquet", "--out", parquet, "--no-cache").Exit);
        Assert.Equal(0, CliRunner.Run("timeline", "--format", "csv", "--out", csv, "--no-cache").Exit);
        AssertSameTable(parquet, csv);
        var missing = CliRunner.Run("sentiment", "--format", "parquet", "--no-cache");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("--out", missing.Err);
    }
}
