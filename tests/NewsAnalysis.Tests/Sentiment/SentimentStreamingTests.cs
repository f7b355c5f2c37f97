using System.Text;

namespace NewsAnalysis.Tests;

/// <summary>
/// <c>news sentiment --lines</c> and the sentence level stream their CSV/JSON row by row: the output must be byte for byte
/// what FrameWriter writes for the whole frame (the path they replaced), with --csv-safe and --out as before.
/// </summary>
public class SentimentStreamingTests
{
    private static string Csv(Microsoft.Data.Analysis.DataFrame frame, bool safe = false)
    {
        var writer = new StringWriter();
        FrameWriter.WriteCsv(frame, writer, safe);
        return writer.ToString();
    }

    private static string Json(Microsoft.Data.Analysis.DataFrame frame)
    {
        var stream = new MemoryStream();
        FrameWriter.WriteJson(frame, stream);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    [Fact]
    public void SentimentStreaming_Lines_AreTheBytesOfTheFrame()
    {
        // Every committed parity text (README, rules with emoji, seeds), plus formulas and quotes for --csv-safe.
        var texts = new[] { "readme", "rules", "seeds" }.SelectMany(VaderReference.Read).Select(r => r.Key.ReplaceLineEndings(" "))
            .Concat(["=HYPERLINK(\"x\")", "-5 points, \"terrible\"", "@home, happy", ""]).ToList();
        using var dir = new CorpusTempFolder();
        var file = dir.Write("lines.txt", string.Join("\n", texts) + "\n", new UTF8Encoding(false));
        var frame = SentimentAnalysis.LinesFrame(texts);
        Assert.Equal(texts.Count, (int)frame.Rows.Count);

        var csv = CliRunner.Run("sentiment", "--lines", file, "--format", "csv");
        Assert.True(csv.Exit == 0, csv.Err);
        Assert.Equal(Csv(frame), csv.Out);
        var safe = CliRunner.Run("sentiment", "--lines", file, "--format", "csv", "--csv-safe");
        Assert.Equal(Csv(frame, safe: true), safe.Out);
        Assert.Contains("'=HYPERLINK", safe.Out);
        var json = CliRunner.Run("sentiment", "--lines", file, "--format", "json");
        Assert.Equal(Json(frame), json.Out);

        // --out: the same bytes in the file, nothing on standard output, no temporary file left
        var outFile = Path.Combine(dir.Path, "scores.json");
        File.WriteAllText(outFile, "old");
        var written = CliRunner.Run("sentiment", "--lines", file, "--format", "json", "--out", outFile);
        Assert.Equal((0, "", ""), (written.Exit, written.Out, written.Err));
        Assert.Equal(Json(frame), File.ReadAllText(outFile));
        Assert.Equal(["lines.txt", "scores.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SentimentStreaming_SentenceLevel_IsTheBytesOfTheFrame()
    {
        var frame = SentimentAnalysis.SentenceFrame(TestData.Seeds);
        var csv = CliRunner.Run("sentiment", "--data", TestData.Articles, "--format", "csv");
        Assert.True(csv.Exit == 0, csv.Err);
        Assert.Equal(Csv(frame), csv.Out);
        Assert.Equal(Csv(frame, safe: true), CliRunner.Run("sentiment", "--data", TestData.Articles, "--format", "csv", "--csv-safe").Out);
        Assert.Equal(Json(frame), CliRunner.Run("sentiment", "--data", TestData.Articles, "--format", "json").Out);
    }

    [Fact]
    public void SentimentStreaming_BbcSentences_AreTheBytesOfTheFrame()
    {
        // A larger corpus with dates, sources and the BBC set's mojibake: 200 articles, thousands of rows.
        Assert.NotNull(TestData.BbcCsv);
        var corpus = Corpus.FromRecords(BbcSet.Read(TestData.BbcCsv!).Take(200).Select(r => r with { Title = r.Id }));
        var frame = SentimentAnalysis.SentenceFrame(corpus);
        var csv = new StringWriter();
        using (var rows = FrameRowWriter.Csv(csv, SentimentAnalysis.SentenceColumns))
        {
            Assert.Equal(frame.Rows.Count, SentimentAnalysis.WriteSentenceRows(corpus, rows));
            rows.Complete();
        }
        Assert.Equal(Csv(frame), csv.ToString());
        var json = new MemoryStream();
        using (var rows = FrameRowWriter.Json(json, SentimentAnalysis.SentenceColumns))
        {
            SentimentAnalysis.WriteSentenceRows(corpus, rows);
            rows.Complete();
        }
        Assert.Equal(Json(frame), Encoding.UTF8.GetString(json.ToArray()) + "\n");
        Assert.Equal(frame.Columns.Select(c => (c.Name, c.DataType)), SentimentAnalysis.SentenceColumns.Select(c => (c.Name, c.DataType)));
    }

    [Fact]
    public void SentimentStreaming_ManyChunks_AreWrittenInInputOrder()
    {
        // Scored on the thread pool in chunks, written in order: more lines than all the chunks in flight, a last chunk
        // part full, every parity text in a different place of each chunk.
        var parity = new[] { "readme", "rules", "seeds" }.SelectMany(VaderReference.Read).Select(r => r.Key.ReplaceLineEndings(" ")).ToList();
        var count = SentimentAnalysis.LineChunk * (SentimentAnalysis.LineChunksInFlight + 2) + 17;
        var texts = Enumerable.Range(0, count).Select(i => parity[(i * 7) % parity.Count] + (i % 3 == 0 ? $" #{i}" : "")).ToList();
        var csv = new StringWriter();
        using (var rows = FrameRowWriter.Csv(csv, SentimentAnalysis.LineColumns))
        {
            Assert.Equal(count, SentimentAnalysis.WriteLineRows(texts, rows));
            rows.Complete();
        }
        Assert.Equal(Csv(SentimentAnalysis.LinesFrame(texts)), csv.ToString());
    }

    [Fact]
    public void SentimentStreaming_AReadErrorComesAfterEveryLineBeforeIt()
    {
        // A line that cannot be read (TextLineReader's InvalidDataException) in the fourth chunk: the rows of all the lines
        // before it are written, in order, and then the error comes, as a line-by-line loop would leave them.
        var good = SentimentAnalysis.LineChunk * 3 + 5;
        var texts = Enumerable.Range(0, good).Select(i => i % 2 == 0 ? $"good day {i}" : $"terrible night {i}").ToList();
        var csv = new StringWriter();
        using var rows = FrameRowWriter.Csv(csv, SentimentAnalysis.LineColumns);
        var error = Assert.Throws<InvalidDataException>(() => SentimentAnalysis.WriteLineRows(Failing(texts), rows));
        Assert.Equal("line " + (good + 1), error.Message);
        Assert.Equal(good, rows.Rows);
        rows.Complete();
        Assert.Equal(Csv(SentimentAnalysis.LinesFrame(texts)), csv.ToString());

        static IEnumerable<string> Failing(List<string> lines)
        {
            foreach (var line in lines) yield return line;
            throw new InvalidDataException("line " + (lines.Count + 1));
        }
    }
}
