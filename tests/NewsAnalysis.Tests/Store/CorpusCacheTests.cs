using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Data.Analysis;
using Xunit;

namespace NewsAnalysis.Tests;

/// <summary>
/// The corpus cache (<see cref="CorpusCache"/>): a load with a result store in effect returns every frame of a cold load,
/// after files are added, changed, deleted and renamed, after metadata.csv and the corpus options change, and when a
/// new file changes how an unchanged file's article is cleaned (the glued-word vocabulary).
/// </summary>
public sealed class CorpusCacheTests : TempFolderTest
{
    private string Data => Path.Combine(Root, "data");

    private static Dictionary<string, DataFrame> Frames(NewsCorpus c) => new()
    {
        ["articles"] = c.ArticleFrame(),
        ["paragraphs"] = c.ParagraphFrame(),
        ["sentences"] = c.SentenceFrame(),
        ["rejected"] = c.RejectedFrame(),
        ["near-duplicates"] = c.NearDuplicateFrame(),
        ["changes"] = c.ChangeFrame(),
    };

    // A cold load and a load through the store's corpus cache: every frame, and every article's captions, equal.
    private CorpusCacheCounts Same(ArticleResultStore store, CorpusOptions? options = null, string? path = null)
    {
        path ??= Data;
        NewsCorpus cold, cached;
        using (ArticleResultStore.Use(null)) cold = Corpus.Load(path, options);
        using (ArticleResultStore.Use(store)) cached = Corpus.Load(path, options);
        foreach (var (name, frame) in Frames(cold)) FrameAssert.Equal(frame, Frames(cached)[name], name);
        Assert.Equal(cold.Articles.Select(a => string.Join("\n", a.Captions)), cached.Articles.Select(a => string.Join("\n", a.Captions)));
        Assert.Equal(cold.Articles.Select(a => a.Words), cached.Articles.Select(a => a.Words));
        // The result store's keys: the fingerprints a cached load remembers are those of the cold load's articles.
        Assert.Equal(cold.Articles.Select(a => Convert.ToHexString(AnalysisVersions.Fingerprint(a))), cached.Articles.Select(a => Convert.ToHexString(AnalysisVersions.Fingerprint(a))));
        return store.CorpusLoads[^1];
    }

    private static string Text(NewsCorpus corpus, string id) => corpus.Articles.Single(a => a.Id == id).Text;

    private NewsCorpus Cached(ArticleResultStore store)
    {
        using (ArticleResultStore.Use(store)) return Corpus.Load(Data);
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(Data, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    private void WriteCsv(string name, IEnumerable<(string Id, string Text, string Category)> rows)
    {
        var path = Path.Combine(Data, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("id"); csv.WriteField("text"); csv.WriteField("category"); csv.NextRecord();
        foreach (var (id, text, category) in rows) { csv.WriteField(id); csv.WriteField(text); csv.WriteField(category); csv.NextRecord(); }
    }

    private static List<ArticleRecord> Bbc(int skip, int take) =>
        BbcSet.Read(TestData.BbcCsv ?? throw new InvalidOperationException("../shared/eval/bbc/bbc-news.csv is missing")).Skip(skip).Take(take).ToList();

    // The seeds (chrome, captions, mojibake, glued words), BBC articles in CSV with a near and an exact duplicate, JSON
    // Lines with an id repeated elsewhere, a JSON array with extra columns, one file name in two folders, rejected
    // files, an emoji (a surrogate pair).
    private void WriteCorpus()
    {
        foreach (var file in Directory.GetFiles(TestData.Articles)) File.Copy(file, Path.Combine(Directory.CreateDirectory(Path.Combine(Data, "seeds")).FullName, Path.GetFileName(file)));
        var bbc = Bbc(0, 120);
        var rows = bbc.Select((r, i) => ($"bbc{i:D3}", r.Text, r.Extra.GetValueOrDefault("category") ?? "")).ToList();
        rows.Add(("bbc-near", bbc[5].Text.Replace(" the ", " a ", StringComparison.Ordinal), "copy"));
        rows.Add(("bbc-same", bbc[7].Text, "copy"));
        WriteCsv("wire.csv", rows);
        Write("wire.jsonl", string.Join("\n", Bbc(200, 30).Select((r, i) =>
            System.Text.Json.JsonSerializer.Serialize(new { id = i == 3 ? "bbc010" : $"j{i}", title = $"Item {i} \U0001F4F0", text = r.Text }))) + "\n{broken\n");
        // A JSON array (rows labelled "#item N") whose items carry extra columns (kept per article, shared when read back).
        Write("items.json", System.Text.Json.JsonSerializer.Serialize(Bbc(300, 3).Select((r, i) => new { id = $"it{i}", text = r.Text, desk = i == 1 ? "sport" : "news", lang = "en" })));
        Write("x/x.txt", "Plan news\n\nOfficials discussed thezorbax plan on Monday in the capital. The zorbax committee met again.");
        Write("x/same.txt", "Same name\n\nA first story about rail fares going up in March, the operators said.");
        Write("y/same.txt", "Same name\n\nA second story about bus fares going down in April, the council said.");
        Write("empty.txt", "");
        Write("notes.docx", "not an article");
    }

    [Fact]
    public void The_options_key_reads_every_rule_as_the_reflection_serializer_does()
    {
        var small = CorpusRules.Parse("chromeLines: [Plan news]\nfunctionWords: [the, of]\n");
        foreach (var rules in new[] { CorpusRules.Default, small })
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(rules), System.Text.Json.JsonSerializer.Serialize(rules, CorpusRulesJson.Default.CorpusRules));
        var key = CorpusCache.OptionsKey(new CorpusOptions { Rules = small });
        small.Title.LeadOpeners.Add("Zorbax");   // a nested rule edited in place moves the key
        var edited = CorpusCache.OptionsKey(new CorpusOptions { Rules = small });
        Assert.NotEqual(key, edited);
        small.Events.Add(new DatedEventRule { Phrase = "Zorbax summit", Date = new DateTime(2020, 1, 2), What = "summit" });
        Assert.NotEqual(edited, CorpusCache.OptionsKey(new CorpusOptions { Rules = small }));
    }

    [Fact]
    public void A_cached_load_gives_every_frame_of_a_cold_load_through_additions_changes_deletions_and_new_options()
    {
        WriteCorpus();
        using var store = ArticleResultStore.Open(Path.Combine(Root, "cache"));

        var first = Same(store);   // empty cache: everything read and cleaned, then stored
        int entries = Entries();
        Assert.Equal(0, first.ArticlesReused);
        Assert.True(first.ArticlesCleaned > 150, $"{first.ArticlesCleaned} cleaned");
        var warm = Same(store);
        Assert.Equal((0, 0, first.ArticlesCleaned), (warm.FilesRead, warm.ArticlesCleaned, warm.ArticlesReused));
        Assert.Contains("thezorbax plan", Text(Cached(store), "x"));   // "zorbax" occurs once on its own: not a known word

        // A new file that uses "zorbax" again: the unchanged x.txt is cleaned again ("the zorbax"), nothing else is.
        Write("z.txt", "Zorbax news\n\nThe zorbax group said it would meet in June.");
        var added = Same(store);
        Assert.Equal(1, added.FilesRead);
        Assert.Equal(2, added.ArticlesCleaned);   // z and x
        Assert.Contains("the zorbax plan", Text(Cached(store), "x"));

        // A row edited in the CSV, a seed deleted, a file renamed into a folder that sorts first (its id moves the other "same" to "same~2").
        var csv = File.ReadAllText(Path.Combine(Data, "wire.csv"));
        File.WriteAllText(Path.Combine(Data, "wire.csv"), csv.Replace("bbc050", "bbc050-edited", StringComparison.Ordinal));
        File.Delete(Directory.GetFiles(Path.Combine(Data, "seeds"))[2]);
        Directory.CreateDirectory(Path.Combine(Data, "a"));
        File.Move(Path.Combine(Data, "y", "same.txt"), Path.Combine(Data, "a", "same.txt"));
        Write("near.txt", Bbc(0, 1)[0].Text.Replace(" and ", " & ", StringComparison.Ordinal));
        var changed = Same(store);
        Assert.True(changed.FilesReused >= 3, $"{changed.FilesReused} files reused");
        Assert.Equal(entries + 1 - 2 + 2, Entries());   // z.txt's added before; the deleted seed's and y/same.txt's dropped, near.txt's and a/same.txt's added
        Assert.DoesNotContain(Path.Combine(Data, "y", "same.txt"), CorpusCache.StoredPaths(Path.Combine(Root, "cache", CorpusCache.FolderName)));

        // The new file deleted: x.txt goes back to its first cleaning.
        File.Delete(Path.Combine(Data, "z.txt"));
        Same(store);
        Assert.Contains("thezorbax plan", Text(Cached(store), "x"));

        // metadata.csv added, then changed: the articles it names follow it.
        Write("x/metadata.csv", "file,title,source,published,url\nx.txt,Zorbax plan,Wire,2020-03-04,https://example.org/x\n");
        var meta = Same(store);
        Assert.Equal(1, meta.ArticlesCleaned);
        Write("x/metadata.csv", "file,title,source,published,url\nx.txt,Zorbax plan revised,Wire,2020-03-05,https://example.org/x\n");
        Same(store);

        // Other options: each load equals a cold load with those options; back to the default, again.
        Same(store, new CorpusOptions { RepairGluedWords = false });
        Same(store, new CorpusOptions { InferPublishedFromMentions = false, NearDuplicateThreshold = 0.5 });
        Same(store, new CorpusOptions { CsvTextColumn = "category" });
        Same(store, new CorpusOptions { MaxFileBytes = 2000 });
        Same(store, new CorpusOptions { Rules = CorpusRules.Parse("chromeLines: [Plan news]\nfunctionWords: [the, of]\n") });
        Same(store);
        var again = Same(store);
        Assert.Equal(0, again.ArticlesCleaned);

        // A single file as the data.
        Same(store, path: Path.Combine(Data, "wire.csv"));
        Same(store, path: Path.Combine(Data, "wire.csv"));
    }

    [Fact]
    public void An_unreadable_row_is_read_and_cleaned_afresh()
    {
        WriteCorpus();
        using var store = ArticleResultStore.Open(Path.Combine(Root, "cache"));
        Same(store);
        // Every bucket file cut short (as a torn write would leave it, were it not renamed into place), one of them emptied, and a leftover temporary file.
        Assert.Equal(13, Entries());   // one per input file, the rejected ones too (empty.txt, notes.docx: their rejections are kept)
        var buckets = Directory.GetFiles(Path.Combine(Root, "cache", CorpusCache.FolderName));
        Assert.InRange(buckets.Length, 2, 13);
        foreach (var bucket in buckets) File.WriteAllBytes(bucket, File.ReadAllBytes(bucket)[..^7]);
        File.WriteAllBytes(buckets[0], []);
        File.WriteAllBytes(buckets[1] + ".tmp", [1, 2, 3]);
        Assert.Empty(CorpusCache.StoredPaths(Path.Combine(Root, "cache", CorpusCache.FolderName)));
        var torn = Same(store);
        Assert.Equal(0, torn.FilesReused);
        Assert.Equal(13, Entries());   // rewritten
        Assert.Empty(Directory.GetFiles(Path.Combine(Root, "cache", CorpusCache.FolderName), "*.tmp"));
        var warm = Same(store);
        Assert.Equal(0, warm.FilesRead);
    }

    // A rerun reads an unchanged file on its entry's summary and never walks its articles; the articles' bytes are
    // checked against the hash they were written with, so a changed byte (here a letter of a kept text) makes the entry
    // a miss: the file is read and cleaned afresh, never made from the changed bytes.
    [Fact]
    public void An_entry_whose_kept_articles_changed_on_disk_is_a_miss()
    {
        WriteCorpus();
        using var store = ArticleResultStore.Open(Path.Combine(Root, "cache"));
        Same(store);
        var text = Encoding.UTF8.GetBytes(Bbc(0, 1)[0].Text[..40]);
        var damaged = 0;
        foreach (var bucket in Directory.GetFiles(Path.Combine(Root, "cache", CorpusCache.FolderName)))
        {
            var bytes = File.ReadAllBytes(bucket);
            int at = bytes.AsSpan().IndexOf(text);
            if (at < 0) continue;
            bytes[at + 1] = (byte)(bytes[at + 1] == (byte)'x' ? 'y' : 'x');
            File.WriteAllBytes(bucket, bytes);
            damaged++;
        }
        Assert.Equal(1, damaged);
        var afterDamage = Same(store);
        Assert.Equal(1, afterDamage.FilesRead);
        Assert.Equal(0, Same(store).FilesRead);
    }

    [Fact]
    public void A_changed_file_is_read_again_and_its_entry_replaced()
    {
        WriteCorpus();
        using var store = ArticleResultStore.Open(Path.Combine(Root, "cache"));
        Same(store);
        int entries = Entries();
        Write("x/x.txt", "Plan news\n\nOfficials discussed the plan on Tuesday.");
        var changed = Same(store);
        Assert.Equal((1, 1), (changed.FilesRead, changed.ArticlesCleaned));
        Assert.Equal(entries, Entries());
    }

    // A changed file's rows that are the same records (same id, fields and row number) are taken as they were cleaned:
    // an edited row alone is cleaned again. A row inserted above the others moves every row's number: all are cleaned.
    [Fact]
    public void In_a_changed_file_only_the_edited_rows_are_cleaned_again()
    {
        WriteCorpus();
        using var store = ArticleResultStore.Open(Path.Combine(Root, "cache"));
        var first = Same(store);
        var path = Path.Combine(Data, "wire.csv");
        var rows = new List<string[]>();
        using (var parser = new CsvParser(new StringReader(File.ReadAllText(path)), CultureInfo.InvariantCulture))
            while (parser.Read()) rows.Add(parser.Record!);
        void Rewrite(IEnumerable<string[]> lines)
        {
            using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var line in lines) { foreach (var field in line) csv.WriteField(field); csv.NextRecord(); }
        }
        Assert.Equal("bbc050", rows[51][0]);
        rows[51][1] += " Officials confirmed the figures on Tuesday.";
        Rewrite(rows);
        var edited = Same(store);
        Assert.Equal((1, 1, first.ArticlesCleaned - 1), (edited.FilesRead, edited.ArticlesCleaned, edited.ArticlesReused));
        Assert.Equal(0, Same(store).FilesRead);

        Rewrite([rows[0], ["new-first", "A new first row about the plan.", "extra"], .. rows.Skip(1)]);
        var inserted = Same(store);
        Assert.Equal((1, rows.Count), (inserted.FilesRead, inserted.ArticlesCleaned));   // the 122 rows below it and itself
    }

    // A reused article keeps its stored paragraphs and sentences (not split again): the numbers give back the layout of
    // the text they were made from, and numbers that do not fit a text (a damaged or foreign entry) are refused.
    [Fact]
    public void A_stored_layout_gives_back_the_spans_of_its_text_and_only_of_a_text_it_fits()
    {
        WriteCorpus();
        NewsCorpus cold;
        using (ArticleResultStore.Use(null)) cold = Corpus.Load(Data);
        foreach (var article in cold.Articles)
        {
            var layout = ArticleLayout.Of(article.Text);
            var again = ArticleLayout.FromBounds(article.Text, layout.Bounds);
            Assert.NotNull(again);
            Assert.Equal(article.Paragraphs, again.Paragraphs);
            Assert.Equal(article.Sentences, again.Sentences);
        }
        var text = cold.Articles.First(a => a.Sentences.Count >= 2).Text;
        var bounds = ArticleLayout.Of(text).Bounds;
        Assert.Null(ArticleLayout.FromBounds(text[..^1], bounds));                  // the last sentence ends past the text
        Assert.Null(ArticleLayout.FromBounds(text, bounds[..^1]));                  // a sentence cut short
        Assert.Null(ArticleLayout.FromBounds(text, [.. bounds[..^1], bounds[0]]));  // a sentence in a paragraph that is not there
        Assert.Null(ArticleLayout.FromBounds(text, [bounds.Length, .. bounds[1..]]));
        Assert.Null(ArticleLayout.FromBounds(text, []));
        Assert.NotNull(ArticleLayout.FromBounds("", ArticleLayout.Of("").Bounds));
    }

    private int Entries() => CorpusCache.StoredPaths(Path.Combine(Root, "cache", CorpusCache.FolderName)).Count;
}
