namespace NewsAnalysis.Tests;

/// <summary>
/// The paragraphs and sentences of a loaded article are kept as offsets and made when read (memory: docs/corpus.md):
/// they must read, compare, deconstruct and copy as the stored spans they replaced.
/// </summary>
public class CorpusSpanTests
{
    private const string Text = "GENEVA (Wire) - Talks resumed on Monday. \"We had no other choice,\" a spokesman said.\n\nA second paragraph. It has two sentences.";

    private static Article Loaded() => Corpus.FromRecords([new ArticleRecord("w1", "w1", Text) { Title = "Talks" }]).Articles[0];

    [Fact]
    public void Spans_read_the_text_at_their_offsets()
    {
        var a = Loaded();
        Assert.Equal(2, a.Paragraphs.Count);
        Assert.Equal(4, a.Sentences.Count);
        foreach (var p in a.Paragraphs) Assert.Equal(a.Text.Substring(p.Start, p.Length), p.Text);
        foreach (var s in a.Sentences) Assert.Equal(a.Text.Substring(s.Start, s.Length), s.Text);
        Assert.Equal(["GENEVA (Wire) - Talks resumed on Monday.", "\"We had no other choice,\" a spokesman said.", "A second paragraph.", "It has two sentences."],
            a.Sentences.Select(s => s.Text));
        Assert.Equal([0, 0, 1, 1], a.Sentences.Select(s => s.Paragraph));
        Assert.Equal([0, 1, 2, 3], a.Sentences.Select(s => s.Index));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.Sentences[4]);
        var second = a.Sentences[1];
        Assert.Same(second.Text, second.Text);   // read twice from one span: one string (entity discovery keeps it per word)
        var one = Corpus.FromRecords([new ArticleRecord("w2", "w2", "One sentence only.") { Title = "One" }]).Articles[0];
        Assert.Same(one.Text, one.Paragraphs[0].Text);   // a span covering the whole text is the text, not a copy
        Assert.Same(one.Text, one.Sentences[0].Text);
    }

    [Fact]
    public void Spans_compare_by_value_with_hand_built_ones()
    {
        var a = Loaded();
        var first = a.Sentences[0];
        var built = new SentenceSpan(0, 0, 0, first.Length, a.Text[..first.Length]);
        Assert.Equal(built, first);
        Assert.Equal(built.GetHashCode(), first.GetHashCode());
        Assert.Equal(a.Sentences[1], a.Sentences[1]);   // made on each read, equal each time
        Assert.NotEqual(built with { Text = "Other text of the same length, quite so." }, first);
        Assert.NotEqual(built with { Paragraph = 1 }, first);
        var paragraph = a.Paragraphs[1];
        Assert.Equal(new TextSpan(1, paragraph.Start, paragraph.Length, "A second paragraph. It has two sentences."), paragraph);
        Assert.Equal(paragraph.Start + paragraph.Length, paragraph.End);
    }

    [Fact]
    public void Spans_deconstruct_and_copy_as_positional_records()
    {
        var (index, paragraph, start, length, text) = Loaded().Sentences[3];
        Assert.Equal((3, 1, Text.IndexOf("It has", StringComparison.Ordinal), "It has two sentences.".Length, "It has two sentences."),
            (index, paragraph, start, length, text));
        var (pIndex, pStart, pLength, pText) = Loaded().Paragraphs[0];
        Assert.Equal((0, 0, Text.IndexOf("\n\n", StringComparison.Ordinal)), (pIndex, pStart, pLength));
        Assert.Equal(Text[..pLength], pText);
        var changed = Loaded().Sentences[0] with { Text = "Replaced." };
        Assert.Equal("Replaced.", changed.Text);
        Assert.Equal(0, changed.Start);
        Assert.Contains("Text = Replaced.", changed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_a_caller_sets_are_kept_and_a_copy_with_new_text_keeps_its_spans()
    {
        var a = Loaded();
        var mine = new[] { new SentenceSpan(0, 0, 0, 4, "Mine") };
        Assert.Equal(mine, (a with { Sentences = mine }).Sentences);
        Assert.Equal(4, (a with { Paragraphs = [] }).Sentences.Count);
        var copy = a with { Text = "Short." };
        Assert.Equal(a.Sentences, copy.Sentences);   // as when the spans held their own strings
    }

    [Fact]
    public void A_repeated_source_and_dateline_are_one_string_each()
    {
        var corpus = Corpus.FromRecords(Enumerable.Range(0, 3).Select(i =>
            new ArticleRecord($"w{i}", $"w{i}", $"GENEVA (Wire) - Item {i} was agreed on Monday.") { Source = new string("Wire".ToCharArray()) }));
        Assert.All(corpus.Articles, a => Assert.Equal(("Wire", "GENEVA"), (a.Source, a.Dateline)));
        Assert.Same(corpus.Articles[0].Source, corpus.Articles[2].Source);
        Assert.Same(corpus.Articles[0].Dateline, corpus.Articles[2].Dateline);
    }

    [Fact]
    public void A_row_path_reads_and_compares_as_the_spelled_out_path()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("wire.csv", "id,text\na,First item was agreed.\nb,Second item was agreed.\n");
        var corpus = Corpus.Load(dir.Path);
        var second = corpus.Articles[1];
        Assert.EndsWith(System.IO.Path.DirectorySeparatorChar + "wire.csv#row 2", second.Path);
        var rebuilt = second with { Path = new string(second.Path.ToCharArray()) };   // the same path, as one string
        Assert.Equal(second, rebuilt);
        Assert.Equal(second.GetHashCode(), rebuilt.GetHashCode());
        Assert.NotEqual(second, second with { Path = second.Path + "0" });
        Assert.Equal(second.Path, (string)corpus.ArticleFrame().Columns["Path"][1]);
    }
}
