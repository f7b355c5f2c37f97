using System.Text;

namespace NewsAnalysis.Tests;

/// <summary>A temporary folder for one test, deleted afterwards.</summary>
internal sealed class CorpusTempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("news-corpus-").FullName;

    public string Write(string name, string text, Encoding? encoding = null)
    {
        var p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        File.WriteAllText(p, text, encoding ?? new UTF8Encoding(false));
        return p;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var p = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Every input format and encoding the loader accepts.</summary>
public class CorpusFormatTests
{
    private const string Body = "ISLAMABAD: Pakistan and Russia agreed on Tuesday to expand military cooperation, officials said.\n\nThe talks lasted two days.";

    [Fact]
    public void Html_main_text_and_meta_tags()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("a.html", """
            <html><head><title>Site | Talks</title>
            <meta property="og:title" content="Pakistan, Russia expand cooperation">
            <meta property="og:site_name" content="Example News">
            <meta property="article:published_time" content="2021-04-07T10:30:00Z">
            <link rel="canonical" href="https://example.org/talks">
            <style>p { color: red }</style><script>var tracking = "Breaking";</script></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <header>Subscribe now</header>
            <article><h1>Pakistan, Russia expand cooperation</h1>
            <p>ISLAMABAD: Pakistan and Russia agreed on Tuesday to expand military cooperation.</p>
            <figure><img src="x.jpg"><figcaption>Ministers meet. (Reuters)</figcaption></figure>
            <p>The talks lasted   two days.</p></article>
            <footer>Copyright</footer></body></html>
            """);
        var a = Assert.Single(Corpus.Load(dir.Path).Articles);
        Assert.Equal("Pakistan, Russia expand cooperation", a.Title);
        Assert.Equal("metadata", a.TitleBasis);
        Assert.Equal("Example News", a.Source);
        Assert.Equal(new DateTime(2021, 4, 7, 10, 30, 0), a.Published);
        Assert.Equal(PublishedBasis.Metadata, a.PublishedBasis);
        Assert.Equal("https://example.org/talks", a.Url);
        Assert.Equal("ISLAMABAD: Pakistan and Russia agreed on Tuesday to expand military cooperation.\n\nThe talks lasted two days.", a.Text);
        Assert.Equal("ISLAMABAD", a.Dateline);
    }

    [Fact]
    public void Json_object_and_array_with_case_insensitive_fields()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("one.json", """{"Headline": "Talks end", "Body": "The talks ended on Monday.", "Date": "2020-01-02", "Publisher": "Dawn", "URL": "https://x.y/1", "section": "world"}""");
        dir.Write("many.json", """[{"id": "k1", "title": "First", "content": "One text."}, {"id": "k2", "title": "Second", "text": "Two text.", "tags": ["a", "b"]}]""");
        var corpus = Corpus.Load(dir.Path);
        Assert.Empty(corpus.Rejected);
        Assert.Equal(["k1", "k2", "one"], corpus.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        var one = corpus.Articles.Single(a => a.Id == "one");
        Assert.Equal(("Talks end", "Dawn", "https://x.y/1"), (one.Title, one.Source, one.Url));
        Assert.Equal(new DateTime(2020, 1, 2), one.Published);
        Assert.Equal("world", one.Extra["section"]);
        Assert.Equal("""["a", "b"]""", corpus.Articles.Single(a => a.Id == "k2").Extra["tags"]);
        Assert.Contains(corpus.ArticleFrame().Columns, c => c.Name == "section");
    }

    [Fact]
    public void Jsonl_reads_each_line_and_rejects_bad_lines_with_their_number()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("feed.jsonl", "{\"title\": \"A\", \"text\": \"First story.\"}\n{not json}\n\n{\"title\": \"B\", \"body\": \"Second story.\"}\n[1,2]\n");
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(["A", "B"], corpus.Articles.Select(a => a.Title));
        Assert.Equal(2, corpus.Rejected.Count);
        Assert.Contains(corpus.Rejected, r => r.Path.EndsWith("#line 2", StringComparison.Ordinal) && r.Reason.Contains("line 2"));
        Assert.Contains(corpus.Rejected, r => r.Path.EndsWith("#line 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_maps_common_columns_and_keeps_the_rest_as_extra_columns()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("news.csv", "headline,story,published,source,category\n\"Talks end\",\"The talks, long and hard, ended.\",2019-03-01,Sputnik,world\nSecond,Another text.,,,sport\n");
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(2, corpus.Articles.Count);
        var first = corpus.Articles[0];
        Assert.Equal(("Talks end", "Sputnik", "world"), (first.Title, first.Source, first.Extra["category"]));
        Assert.Equal("The talks, long and hard, ended.", first.Text);
        Assert.Equal(new DateTime(2019, 3, 1), first.Published);
        Assert.Equal("news-0002", corpus.Articles[1].Id);
        Assert.EndsWith("news.csv#row 2", corpus.Articles[1].Path);
    }

    [Fact]
    public void Csv_columns_can_be_named_by_options()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("x.csv", "txt,label,when\nSome words here.,tech,2004-05-06\n");
        var rejected = Corpus.Load(dir.Path);
        Assert.Contains("no text column", Assert.Single(rejected.Rejected).Reason);
        var corpus = Corpus.Load(dir.Path, new CorpusOptions { CsvTextColumn = "txt", CsvDateColumn = "when" });
        var a = Assert.Single(corpus.Articles);
        Assert.Equal(new DateTime(2004, 5, 6), a.Published);
        Assert.Equal("tech", a.Extra["label"]);
    }

    [Fact]
    public void Bbc_csv_loads_through_Corpus_Load_with_category_kept()
    {
        if (TestData.BbcCsv is not { } path) { Assert.Fail("../shared/eval/bbc/bbc-news.csv is missing"); return; }
        var corpus = Corpus.Load(path);
        Assert.Equal(2225, corpus.Articles.Count);
        Assert.Empty(corpus.Rejected);
        Assert.Equal(510, corpus.Articles.Count(a => a.Extra["category"] == "business"));
        Assert.Contains(corpus.ArticleFrame().Columns, c => c.Name == "category");
        Assert.All(corpus.Articles, a => Assert.True(a.Title.Length > 0 && a.Title.Length < a.Text.Length));
    }

    [Fact]
    public void Markdown_is_turned_into_plain_text()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("story.md", "# Talks end in Moscow\n\nMOSCOW: The **talks** ended with [a statement](https://x.y).\n\n- first point\n");
        var a = Assert.Single(Corpus.Load(dir.Path).Articles);
        Assert.Equal("Talks end in Moscow", a.Title);
        Assert.Equal("headline", a.TitleBasis);
        Assert.StartsWith("MOSCOW: The talks ended with a statement.", a.Text);
        Assert.DoesNotContain("**", a.Text);
        Assert.DoesNotContain("https://", a.Text);
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8bom")]
    [InlineData("utf16le")]
    [InlineData("utf16be")]
    [InlineData("cp1252")]
    public void Encodings_are_detected_not_mangled(string encoding)
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "Café talks\n\nThe café’s owner said “we’re open” — prices rose 5% to €3.";
        Encoding enc = encoding switch
        {
            "utf8" => new UTF8Encoding(false),
            "utf8bom" => new UTF8Encoding(true),
            "utf16le" => new UnicodeEncoding(false, true),
            "utf16be" => new UnicodeEncoding(true, true),
            _ => Encoding.GetEncoding(1252),
        };
        using var dir = new CorpusTempFolder();
        dir.Write("a.txt", text, enc);
        var a = Assert.Single(Corpus.Load(dir.Path).Articles);
        Assert.Equal("Café talks", a.Title);
        Assert.Equal("The café’s owner said “we’re open” — prices rose 5% to €3.", a.Text);
    }

    [Fact]
    public void Metadata_csv_overrides_inference_and_is_not_an_article()
    {
        using var dir = new CorpusTempFolder();
        foreach (var f in Directory.GetFiles(TestData.Articles)) File.Copy(f, Path.Combine(dir.Path, Path.GetFileName(f)));
        dir.Write("metadata.csv", "file,title,source,published,url\n003_2582ff4afcd3cfad.txt,\"Lavrov in Islamabad\",Voice of America,2021-04-08,https://example.org/voa\n");
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(5, corpus.Articles.Count);
        Assert.Empty(corpus.Rejected);
        var a = corpus.Articles.Single(x => x.Id.StartsWith("003", StringComparison.Ordinal));
        Assert.Equal(("Lavrov in Islamabad", "metadata"), (a.Title, a.TitleBasis));
        Assert.Equal(("Voice of America", "metadata.csv"), (a.Source, a.SourceEvidence));
        Assert.Equal((new DateTime(2021, 4, 8), PublishedBasis.Metadata), (a.Published, a.PublishedBasis));
        Assert.Equal("https://example.org/voa", a.Url);
        // Others keep their inferred values.
        Assert.Equal("Dawn", corpus.Articles.Single(x => x.Id.StartsWith("001", StringComparison.Ordinal)).Source);
    }

    [Fact]
    public void Records_with_metadata_fields_keep_them()
    {
        var corpus = Corpus.FromRecords([new ArticleRecord("r", "mem", "Some body text.") { Title = "Given", Source = "Wire", Published = new DateTime(2020, 5, 1) }]);
        var a = corpus.Articles[0];
        Assert.Equal(("Given", "metadata", "Wire", PublishedBasis.Metadata), (a.Title, a.TitleBasis, a.Source, a.PublishedBasis));
    }
}

public class CorpusIdTests
{
    [Fact]
    public void Ids_are_unique_across_folders_and_files()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("a/story.txt", "First\n\nOne.");
        dir.Write("b/story.txt", "Second\n\nTwo.");
        dir.Write("c.json", """[{"id": "7", "text": "Seven."}, {"id": "7", "text": "Another seven."}]""");
        var ids = Corpus.Load(dir.Path).Articles.Select(a => a.Id).ToList();
        Assert.Equal(["story", "story~2", "7", "7~2"], ids);
    }

    [Fact]
    public void A_date_field_that_is_not_a_date_keeps_the_article_and_the_value()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("x.json", """{"title": "T", "text": "On March 3, 2020 the talks began.", "date": "sometime"}""");
        var a = Assert.Single(Corpus.Load(dir.Path).Articles);
        Assert.Equal("sometime", a.Extra["date"]);
        Assert.Equal((new DateTime(2020, 3, 3), PublishedBasis.Inferred), (a.Published, a.PublishedBasis));
    }
}
