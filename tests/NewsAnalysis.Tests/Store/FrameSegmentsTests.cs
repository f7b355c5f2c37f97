using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Data.Analysis;
using Xunit;

namespace NewsAnalysis.Tests;

/// <summary>
/// Frame segments (<see cref="FrameSegments"/>, <see cref="ArticleResultStore"/>): a rerun takes each unchanged input
/// file's rows of the sentence, mention and event frames as they were, without making that file's articles, and gives
/// the frames a run without any store gives, through files added, edited, deleted and a damaged segment.
/// </summary>
public sealed class FrameSegmentsTests : TempFolderTest
{
    private string Data => Path.Combine(Root, "data");

    private static readonly string[] Names = ["sentences", "mentions", "entities", "events", "events anchored"];

    private static Dictionary<string, DataFrame> Frames(NewsCorpus corpus) => new()
    {
        ["sentences"] = SentimentAnalysis.SentenceFrame(corpus),
        ["mentions"] = EntityAnalysis.Run(corpus).MentionFrame(),
        ["entities"] = EntityAnalysis.Run(corpus).SummaryFrame(),
        ["events"] = TimelineEvents.Frame(corpus),
        ["events anchored"] = TimelineEvents.Frame(corpus, new DateTime(2005, 3, 1, 0, 0, 0, DateTimeKind.Utc)),
    };

    private void WriteCsv(string name, IEnumerable<(string Id, string Text)> rows)
    {
        Directory.CreateDirectory(Data);
        using var writer = new StreamWriter(Path.Combine(Data, name), false, new UTF8Encoding(false));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("id"); csv.WriteField("text"); csv.NextRecord();
        foreach (var (id, text) in rows) { csv.WriteField(id); csv.WriteField(text); csv.NextRecord(); }
    }

    private static List<(string, string)> Bbc(int skip, int take, string prefix) =>
        BbcSet.Read(TestData.BbcCsv ?? throw new InvalidOperationException("../shared/eval/bbc/bbc-news.csv is missing"))
            .Skip(skip).Take(take).Select((r, i) => ($"{prefix}{i:D3}", r.Text)).ToList();

    // The frames of a run with the store (corpus loaded through its corpus cache), checked against a run without any
    // store; returns the corpus and the segment counts of the four segmented frames.
    private (NewsCorpus Corpus, List<SegmentCounts> Counts) Run(ArticleResultStore store)
    {
        Dictionary<string, DataFrame> expected;
        using (ArticleResultStore.Use(null)) expected = Frames(Corpus.Load(Data, Options));
        int before = store.Segments.Count;
        NewsCorpus corpus;
        Dictionary<string, DataFrame> frames;
        using (ArticleResultStore.Use(store))
        {
            corpus = Corpus.Load(Data, Options);
            frames = Frames(corpus);
        }
        foreach (var name in Names) FrameAssert.Equal(expected[name], frames[name], name);
        // The entity summary counts from the mention segments the mention frame has just read or made: its counts are left out.
        int summary = Array.IndexOf(Names, "entities");
        return (corpus, store.Segments.Skip(before).Where((_, i) => i != summary).ToList());
    }

    // Without the glued-word repair a new file re-cleans no article of another (with it, one may: CorpusCacheTests), so the counts below are exact.
    private static readonly CorpusOptions Options = new() { RepairGluedWords = false };

    private static int Pending(NewsCorpus corpus) => ((CorpusArticles)corpus.Articles).PendingUnits;

    [Fact]
    public void A_rerun_reads_unchanged_files_rows_back_without_making_their_articles()
    {
        WriteCsv("a.csv", Bbc(0, 40, "a"));
        WriteCsv("b.csv", Bbc(40, 40, "b"));
        // c.csv holds an exact copy of a row of a.csv (near-duplicates run over every file, made or not).
        WriteCsv("c.csv", [.. Bbc(80, 20, "c"), ("c-copy", Bbc(3, 1, "x")[0].Item2)]);
        foreach (var file in Directory.GetFiles(TestData.Articles)) File.Copy(file, Path.Combine(Data, Path.GetFileName(file)));
        int files = Directory.GetFiles(Data).Length;
        using var store = ArticleResultStore.Open(Path.Combine(Root, "cache"));
        store.SegmentMinArticles = 1;   // every file's rows kept, the one-article seeds too (by default files of under 100 articles are built each run)

        var (_, cold) = Run(store);
        Assert.All(cold, c => Assert.Equal((0, files), (c.Reused, c.Built)));

        var (warm, reused) = Run(store);
        Assert.All(reused, c => Assert.Equal((files, 0), (c.Reused, c.Built)));
        // Every file stayed undecoded through the four frames (compared after they were made), and near-duplicates were not looked for.
        Assert.Equal(files, Pending(warm));
        Assert.Contains(warm.NearDuplicates, p => p.DuplicateId == "c-copy");
        Assert.Equal(files, Pending(warm));   // found from the kept signatures and fingerprints: still no article made
        Assert.Equal("a003", warm.Articles.Single(a => a.Id == "c-copy").DuplicateOf);

        // A new file: its rows built, the others read back.
        WriteCsv("d.csv", Bbc(120, 10, "d"));
        var (_, added) = Run(store);
        Assert.All(added, c => Assert.Equal((files, 1), (c.Reused, c.Built)));

        // A row of b.csv edited: b.csv's rows built again (its other articles' results come from the per-article store).
        var b = File.ReadAllText(Path.Combine(Data, "b.csv"));
        File.WriteAllText(Path.Combine(Data, "b.csv"), b.Replace("b005", "b005-edited", StringComparison.Ordinal));
        int computedBefore = store.Counts.Sum(c => c.Computed);
        var (_, edited) = Run(store);
        Assert.All(edited, c => Assert.Equal((files, 1, 1), (c.Reused, c.Built, c.Patched)));   // b.csv's other rows as they were
        Assert.Equal(0, store.Counts.Sum(c => c.Computed) - computedBefore);   // same texts: nothing analysed again
        // A row's text edited: that article alone is analysed again (once per frame), b.csv's other rows kept.
        WriteCsv("b.csv", Bbc(40, 40, "b").Select(r => r.Item1 switch
        {
            "b005" => ("b005-edited", r.Item2),
            "b010" => (r.Item1, r.Item2 + " Officials confirmed the figures on Tuesday."),
            _ => r,
        }));
        computedBefore = store.Counts.Sum(c => c.Computed);
        (_, edited) = Run(store);
        Assert.All(edited, c => Assert.Equal((files, 1, 1), (c.Reused, c.Built, c.Patched)));
        Assert.Equal(Names.Length - 1, store.Counts.Sum(c => c.Computed) - computedBefore);   // sentiment, mentions, events twice

        // Damaged segments are built again; a deleted file's rows, segments and per-article results go.
        store.PruneUnused();   // what this store used so far is forgotten: the next run alone decides what stays
        var segments = Path.Combine(Root, "cache", ArticleResultStore.SegmentsFolder);
        foreach (var damaged in Directory.GetFiles(Path.Combine(segments, "sentiment-sentences"))) File.WriteAllBytes(damaged, File.ReadAllBytes(damaged)[..^3]);
        File.Delete(Path.Combine(Data, "a.csv"));
        var (_, pruned) = Run(store);
        Assert.Equal((0, files), (pruned[0].Reused, pruned[0].Built));   // the sentence frame: every segment damaged
        Assert.All(pruned.Skip(1), c => Assert.Equal((files, 0), (c.Reused, c.Built)));
        int storedBefore = store.StoredCounts().Values.Sum(n => (int)n);
        store.PruneUnused();
        Assert.Equal(files, Directory.GetFiles(Path.Combine(segments, "sentiment-sentences")).Length);
        Assert.Equal(files, Directory.GetFiles(Path.Combine(segments, "entities-mentions")).Length);
        Assert.Equal(2 * files, Directory.GetFiles(Path.Combine(segments, "timeline-events")).Length);   // with and without the anchor
        // a.csv's per-article results are dropped (at most its 40 articles in each of the four analyses: sentiment,
        // entities, events with and without the anchor), and only they: with every segment damaged, the next run builds
        // every file's rows again from the per-article results, analysing nothing.
        Assert.InRange(store.StoredCounts().Values.Sum(n => (int)n), storedBefore - 4 * 40, storedBefore - 30);
        foreach (var damaged in Directory.GetFiles(segments, "*", SearchOption.AllDirectories)) File.WriteAllBytes(damaged, [1, 2, 3]);
        int computed = store.Counts.Sum(c => c.Computed);
        var (_, rebuilt) = Run(store);
        Assert.All(rebuilt, c => Assert.Equal((0, files), (c.Reused, c.Built)));
        Assert.Equal(computed, store.Counts.Sum(c => c.Computed));
        var (_, after) = Run(store);
        Assert.All(after, c => Assert.Equal(0, c.Built));
    }

    // news sentiment's CSV rows: with the store (segments read back, runs of files, a file too big for a run written from
    // its articles) the bytes a run without any store writes.
    [Fact]
    public void Sentence_rows_written_from_segments_are_the_bytes_written_without_a_store()
    {
        WriteCsv("a.csv", Bbc(0, 40, "a"));
        WriteCsv("b.csv", Bbc(40, 12, "b"));
        WriteCsv("c.csv", Bbc(52, 12, "c"));
        foreach (var file in Directory.GetFiles(TestData.Articles)) File.Copy(file, Path.Combine(Data, Path.GetFileName(file)));
        string Rows(ArticleResultStore? store)
        {
            using var text = new StringWriter();
            using (ArticleResultStore.Use(store))
            using (var writer = FrameRowWriter.Csv(text, SentimentAnalysis.SentenceColumns))
            {
                SentimentAnalysis.WriteSentenceRows(Corpus.Load(Data, Options), writer);
                writer.Complete();
            }
            return text.ToString();
        }
        var expected = Rows(null);
        using var store = ArticleResultStore.Open(Path.Combine(Root, "cache"));
        store.SegmentMinArticles = 1;
        store.BuildBatchArticles = 30;   // a.csv (40 articles) is built 30 articles at a time, its text kept; b and c, then the seeds, in runs
        Assert.Equal(expected, Rows(store));   // cold: segments built
        Assert.Equal(expected, Rows(store));   // warm: read back
        Assert.Contains(store.Segments, c => c.Reused > 0);
        WriteCsv("d.csv", Bbc(70, 5, "d"));
        Assert.Equal(Rows(null), Rows(store));
    }

    // news sentiment --format csv: each kept file's rows are written from its articles and kept as the CSV text written
    // (no segment, no per-article result: sentences are scored as they are written), and a rerun copies it. Through a
    // text writer (decoded) and a UTF-8 stream (the bytes copied), cold, warm, with a damaged copy, a new file, edited
    // rows and a deleted file; with a.csv bigger than a run of articles too (written 25 at a time). Rows whose text has
    // no UTF-8 form (a lone surrogate) are not kept as text.
    [Theory]
    [InlineData(20_000)]
    [InlineData(25)]
    public void Sentence_rows_copied_from_their_kept_text_are_the_bytes_written_without_a_store(int buildBatchArticles)
    {
        WriteCsv("a.csv", Bbc(0, 30, "a"));
        WriteCsv("b.csv", Bbc(30, 12, "b"));
        (string Text, byte[] Bytes) Rows(ArticleResultStore? store)
        {
            using var text = new StringWriter();
            using var bytes = new MemoryStream();
            using (ArticleResultStore.Use(store))
            {
                var corpus = Corpus.Load(Data, Options);
                using (var writer = FrameRowWriter.Csv(text, SentimentAnalysis.SentenceColumns, spreadsheetSafe: true))
                {
                    SentimentAnalysis.WriteSentenceRows(corpus, writer);
                    writer.Complete();
                }
                using var stream = new StreamWriter(bytes, new UTF8Encoding(false), leaveOpen: true);
                using (var writer = FrameRowWriter.Csv(stream, SentimentAnalysis.SentenceColumns, spreadsheetSafe: true))
                {
                    SentimentAnalysis.WriteSentenceRows(corpus, writer);
                    writer.Complete();
                }
            }
            return (text.ToString(), bytes.ToArray());
        }
        var expected = Rows(null);
        using var store = ArticleResultStore.Open(Path.Combine(Root, "cache"));
        store.SegmentMinArticles = 1;
        store.BuildBatchArticles = buildBatchArticles;
        var folder = Path.Combine(Root, "cache", ArticleResultStore.SegmentsFolder, "sentiment-sentences");
        string[] Kept() => Directory.GetFiles(folder, "*.rows");

        Same(expected, Rows(store));   // cold: rows written, their text kept
        Assert.Equal(2, Kept().Length);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        Assert.Empty(Directory.GetFiles(folder, "*.seg"));
        Assert.False(store.StoredCounts().ContainsKey("sentiment"));
        int copiedBefore = store.Segments.Where(c => c.Built == 0).Sum(c => c.Reused);
        int callsBefore = store.Counts.Count;
        Same(expected, Rows(store));   // warm: copied (twice per run: the text writer and the stream)
        Assert.Equal(2 * 2, store.Segments.Where(c => c.Built == 0).Sum(c => c.Reused) - copiedBefore);
        Assert.Equal(callsBefore, store.Counts.Count);   // no article's sentences scored or read back

        // A damaged copy is not used: the file's rows are written again from its articles, and so is the copy.
        var damaged = Kept().OrderBy(f => new FileInfo(f).Length).Last();
        File.WriteAllBytes(damaged, File.ReadAllBytes(damaged)[..^5]);
        Same(expected, Rows(store));
        Same(expected, Rows(store));

        store.PruneUnused();   // what the runs so far used is forgotten
        WriteCsv("d.csv", Bbc(50, 5, "d"));
        Same(Rows(null), Rows(store));
        Assert.Equal(3, Kept().Length);
        store.PruneUnused();
        // A row of a.csv and of b.csv edited: each file's text put together from its old text and the edited article's
        // new rows (the old text names no results: neither does the new one).
        WriteCsv("a.csv", Bbc(0, 30, "a").Select(r => r.Item1 == "a007" ? (r.Item1, r.Item2 + " Officials confirmed it.") : r));
        WriteCsv("b.csv", Bbc(30, 12, "b").Select(r => r.Item1 == "b003" ? (r.Item1, "Edited: " + r.Item2) : r));
        int patchedBefore = store.Segments.Sum(c => c.Patched);
        Same(Rows(null), Rows(store));
        Assert.Equal(2, store.Segments.Sum(c => c.Patched) - patchedBefore);
        Same(Rows(null), Rows(store));
        store.PruneUnused();
        Assert.Equal(3, Kept().Length);   // the edited files' earlier copies went
        Assert.Empty(Directory.GetFiles(folder, "*.seg"));
        File.Delete(Path.Combine(Data, "a.csv"));
        Same(Rows(null), Rows(store));
        store.PruneUnused();
        Assert.Equal(2, Kept().Length);   // a.csv's copy went with it

        var lone = FrameSegments.Of(new DataFrame(new StringDataFrameColumn("ArticleId", ["x"]), new StringDataFrameColumn("Text", ["half \uD800 pair"])), [])!;
        var columns = new FrameRowColumn[] { new("ArticleId", typeof(string)), new("Text", typeof(string)) };
        using var csv = FrameRowWriter.Csv(TextWriter.Null, columns);
        Assert.Null(RenderedRows.Render(lone, csv));
        Assert.NotNull(RenderedRows.Render(FrameSegments.Of(new DataFrame(new StringDataFrameColumn("ArticleId", ["x"]), new StringDataFrameColumn("Text", ["whole \U0001F4F0"])), [])!, csv));
    }

    // news timeline --format csv/json: the event rows written as made (without a store, and with one: built, copied as
    // kept text, read back from segments for JSON) are the bytes FrameWriter writes for the event frame; with a.csv
    // bigger than a run of articles too (CSV built 25 articles at a time and its text kept, JSON written as made).
    [Theory]
    [InlineData(20_000)]
    [InlineData(25)]
    public void Event_rows_written_as_made_are_the_bytes_of_the_event_frame(int buildBatchArticles)
    {
        WriteCsv("a.csv", Bbc(0, 30, "a"));
        WriteCsv("b.csv", Bbc(30, 12, "b"));
        foreach (var file in Directory.GetFiles(TestData.Articles)) File.Copy(file, Path.Combine(Data, Path.GetFileName(file)));
        var anchor = new DateTime(2005, 3, 1);
        (string Csv, byte[] Json) Written(ArticleResultStore? store, bool json = true)
        {
            using var csv = new StringWriter();
            using var bytes = new MemoryStream();
            using (ArticleResultStore.Use(store))
            {
                var corpus = Corpus.Load(Data, Options);
                using (var writer = FrameRowWriter.Csv(csv, TimelineEvents.FrameColumns, spreadsheetSafe: true))
                {
                    Assert.True(TimelineEvents.WriteFrameRows(corpus, writer, anchor) > 0);
                    writer.Complete();
                }
                if (json)
                {
                    using var writer = FrameRowWriter.Json(bytes, TimelineEvents.FrameColumns);
                    TimelineEvents.WriteFrameRows(corpus, writer, anchor);
                    writer.Complete();
                }
            }
            return (csv.ToString(), bytes.ToArray());
        }
        (string Csv, byte[] Json) Expected()
        {
            using var csv = new StringWriter();
            using var json = new MemoryStream();
            using (ArticleResultStore.Use(null))
            {
                var frame = TimelineEvents.Frame(Corpus.Load(Data, Options), anchor);
                FrameWriter.WriteCsv(frame, csv, spreadsheetSafe: true);
                FrameWriter.WriteJson(frame, json);
            }
            return (csv.ToString(), json.ToArray());
        }
        var expected = Expected();
        Same(expected, Written(null));
        using var store = ArticleResultStore.Open(Path.Combine(Root, "cache"));
        store.SegmentMinArticles = 1;
        store.BuildBatchArticles = buildBatchArticles;
        Same(expected, Written(store));   // cold
        var stored = store.StoredCounts()["timeline"];
        Assert.Equal(42 + 5, stored);
        Same(expected, Written(store));   // warm: CSV copied, JSON from the segments (or, a.csv at 25, from its articles)
        // a.csv, b.csv and the five seeds, each with its text kept
        Assert.Equal(7, Directory.GetFiles(Path.Combine(Root, "cache", ArticleResultStore.SegmentsFolder, "timeline-events"), "*.rows").Length);
        store.PruneUnused();
        WriteCsv("c.csv", Bbc(42, 5, "c"));
        Assert.Equal(Expected().Csv, Written(store, json: false).Csv);   // CSV alone: every other file's text copied
        store.PruneUnused();
        Assert.Equal(stored + 5, store.StoredCounts()["timeline"]);   // the results behind the copied text are kept
        // A row's text edited (CSV alone): b.csv's text put together from its old text and the edited article's new
        // rows; pruning drops the edited article's old events and keeps every other result.
        WriteCsv("b.csv", Bbc(30, 12, "b").Select(r => r.Item1 == "b004" ? (r.Item1, r.Item2 + " The talks resumed on 3 March 2005.") : r));
        int computed = store.Counts.Sum(c => c.Computed);
        Assert.Equal(Expected().Csv, Written(store, json: false).Csv);
        Assert.Equal(1, store.Counts.Sum(c => c.Computed) - computed);
        store.PruneUnused();
        Assert.Equal(stored + 5, store.StoredCounts()["timeline"]);
        Assert.Equal(Expected().Csv, Written(store, json: false).Csv);   // and copied as it was put together
        Same(Expected(), Written(store));
    }

    // Two outputs of one run (text written through a text writer, bytes through a stream) equal to the expected ones.
    private static void Same((string Text, byte[] Bytes) want, (string Text, byte[] Bytes) got)
    {
        Assert.Equal(want.Text, got.Text);
        Assert.Equal(want.Bytes, got.Bytes);
    }

    [Fact]
    public void A_segment_gives_back_every_column_class_value_and_date_kind()
    {
        string?[] strings = ["a", null, "", "lone \uD800 surrogate", "emoji \U0001F4F0", new string('x', 70_000)];
        int?[] ints = [1, null, int.MinValue, int.MaxValue, 0, -7];
        long?[] longs = [1L, long.MaxValue, null, long.MinValue, 0, 3];
        double?[] doubles = [double.NaN, -0.0, null, double.PositiveInfinity, 1e-310, 0.1 + 0.2];
        float?[] floats = [float.NaN, -0f, 1.5f, null, float.MaxValue, float.Epsilon];
        bool?[] bools = [true, false, null, true, true, false];
        DateTime?[] dates = [new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Local),
            new DateTime(1, 1, 1), null, DateTime.MaxValue, new DateTime(2005, 3, 1, 0, 0, 0, DateTimeKind.Unspecified)];
        DataFrame Rows(int from, int count) => new(
            new StringDataFrameColumn("S", strings.Skip(from).Take(count)),
            new Int32DataFrameColumn("I", ints.Skip(from).Take(count)),
            new Int64DataFrameColumn("L", longs.Skip(from).Take(count)),
            new DoubleDataFrameColumn("D", doubles.Skip(from).Take(count)),
            new SingleDataFrameColumn("F", floats.Skip(from).Take(count)),
            new BooleanDataFrameColumn("B", bools.Skip(from).Take(count)),
            new DateTimeDataFrameColumn("T", dates.Skip(from).Take(count)));
        var frame = Rows(0, 6);
        var half = new[] { Rows(0, 2), Rows(2, 0), Rows(2, 4) };
        var parts = half.Select(h => FrameSegments.Decode(FrameSegments.Encode(FrameSegments.Of(h, ["k1", "k2"])!))!).ToList();
        Assert.All(parts, p => Assert.Equal(["k1", "k2"], p.Keys));
        var again = FrameSegments.Concat(parts);
        FrameAssert.Equal(frame, again, "round trip");
        Assert.Equal(frame.Columns.Select(c => c.GetType()), again.Columns.Select(c => c.GetType()));
        for (int r = 0; r < frame.Rows.Count; r++)
        {
            Assert.Equal((frame["T"][r] as DateTime?)?.Kind, (again["T"][r] as DateTime?)?.Kind);
            if (frame["D"][r] is double d) Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits((double)again["D"][r]));
        }
        // Cut short or with a foreign header: not a segment.
        var bytes = FrameSegments.Encode(parts[0]);
        Assert.Null(FrameSegments.Decode(bytes[..^1]));
        Assert.Null(FrameSegments.Decode([.. bytes, 0]));
        Assert.Null(FrameSegments.Decode(Encoding.UTF8.GetBytes("frame-segment-0")));
    }
}
