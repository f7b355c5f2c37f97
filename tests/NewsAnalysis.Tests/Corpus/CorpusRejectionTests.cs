using System.Text;
using CsCheck;

namespace NewsAnalysis.Tests;

/// <summary>Bad input: every file is an article or a Rejected row with a reason; one bad file never stops the others.</summary>
public class CorpusRejectionTests
{
    [Fact]
    public void Each_kind_of_bad_file_gets_its_reason_and_good_files_still_load()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("good.txt", "A headline\n\nA body sentence.");
        dir.WriteBytes("empty.txt", []);
        dir.Write("blank.txt", "   \n\n  ");
        dir.WriteBytes("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A, 0x01, 0x02]);
        dir.WriteBytes("bad16.txt", [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8]);   // UTF-16 BOM, then a lone surrogate
        dir.Write("big.txt", new string('x', 2000));
        dir.Write("photo.jpg", "not really");
        dir.Write("broken.json", "{\"title\": \"x\", \"text\": ");
        dir.Write("scalar.json", "42");
        dir.Write("notext.json", "{\"title\": \"only a title\"}");
        dir.Write("rows.csv", "title,text\nok,Fine text.\nbad,\"unterminated\nempty,\n");
        var corpus = Corpus.Load(dir.Path, new CorpusOptions { MaxFileBytes = 1000 });
        string Reason(string name) => corpus.Rejected.Single(r => Path.GetFileName(r.Path).StartsWith(name, StringComparison.Ordinal)).Reason;
        Assert.Equal("empty file", Reason("empty.txt"));
        Assert.Contains("white space", Reason("blank.txt"));
        Assert.Contains("binary", Reason("binary.txt"));
        Assert.Contains("undecodable", Reason("bad16.txt"));
        Assert.Contains("over the 1,000-byte limit", Reason("big.txt"));
        Assert.Contains("unsupported file type '.jpg'", Reason("photo.jpg"));
        Assert.Contains("malformed JSON at line 1", Reason("broken.json"));
        Assert.Contains("expected an object", Reason("scalar.json"));
        Assert.Contains("no text field", Reason("notext.json"));
        Assert.Contains(corpus.Rejected, r => r.Path.EndsWith("rows.csv#row 2", StringComparison.Ordinal) || r.Path.Contains("rows.csv#line", StringComparison.Ordinal));
        Assert.Equal(["good", "rows-0001"], corpus.Articles.Select(a => a.Id));
    }

    // Valid JSON, but "\ud800" without its pair is no character: System.Text.Json will not make a string of it (it threw
    // out of the whole load before). Such a row is rejected with its line and field; the file's other rows load.
    [Theory]
    [InlineData("rows.jsonl", "{\"id\": \"a\", \"text\": \"Fine text.\"}\n{\"id\": \"b\", \"text\": \"half \\ud800 pair\"}\n{\"id\": \"c\", \"text\": \"More text.\"}\n", "rows.jsonl#line 2")]
    [InlineData("rows.json", "[{\"id\": \"a\", \"text\": \"Fine text.\"}, {\"id\": \"b\", \"text\": \"x\", \"\\udc00\": \"half \\udc00\"}, {\"id\": \"c\", \"text\": \"More text.\"}]", "rows.json#item 2")]
    public void A_json_row_with_an_unpaired_surrogate_escape_is_rejected_and_the_others_load(string name, string content, string rowPath)
    {
        using var dir = new CorpusTempFolder();
        dir.Write(name, content);
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(["a", "c"], corpus.Articles.Select(a => a.Id));
        var r = Assert.Single(corpus.Rejected);
        Assert.EndsWith(rowPath, r.Path, StringComparison.Ordinal);
        Assert.Contains("unpaired surrogate", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_row_with_the_wrong_number_of_fields_is_rejected_with_its_line()
    {
        using var dir = new CorpusTempFolder();
        dir.Write("rows.csv", "title,text\nA,First text.\nB,Second,extra\nC,Third text.\n");
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(["A", "C"], corpus.Articles.Select(a => a.Title));
        var r = Assert.Single(corpus.Rejected);
        Assert.EndsWith("#row 2", r.Path);
        Assert.Contains("line 3", r.Reason);
    }

    [Fact]
    public void A_large_csv_is_streamed_and_a_bad_byte_past_the_first_64_kb_rejects_only_the_rest()
    {
        using var dir = new CorpusTempFolder();
        var sb = new StringBuilder("title,text\n");
        for (int i = 1; i <= 1000; i++) sb.Append($"Story {i},\"Café number {i} opened, and {new string('x', 80)} followed.\"\n");
        byte[] good = Encoding.UTF8.GetBytes(sb.ToString());
        dir.WriteBytes("big.csv", [.. good, .. Encoding.ASCII.GetBytes("Bad,Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" latin\n")]);
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(1000, corpus.Articles.Count);
        Assert.Equal("Café number 1000 opened, and " + new string('x', 80) + " followed.", corpus.Articles[^1].Text);
        var r = Assert.Single(corpus.Rejected);
        Assert.EndsWith("big.csv#row 1001", r.Path);
        Assert.Contains("undecodable: row 1001 (line 1002) has bytes that are not valid utf-8", r.Reason);
    }

    [Fact]
    public void Windows_1252_bytes_are_read_as_such()
    {
        using var dir = new CorpusTempFolder();
        dir.WriteBytes("legacy.txt", [.. Encoding.ASCII.GetBytes("Title\n\nThe caf"), 0xE9, .. Encoding.ASCII.GetBytes(" costs "), 0x80, .. Encoding.ASCII.GetBytes("5.")]);
        var a = Assert.Single(Corpus.Load(dir.Path).Articles);
        Assert.Equal("The café costs €5.", a.Text);
    }

    [Fact]
    public void A_missing_path_names_it()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => Corpus.Load("no/such/place.csv"));
        Assert.Contains("no/such/place.csv", ex.Message);
    }

    private static readonly string[] FuzzExtensions = [".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".bin", ""];

    // Each file must become articles (by path) or rejections (by path): nothing is lost, nothing throws.
    private static void AssertAccountsForEveryFile(string folder, NewsCorpus corpus)
    {
        foreach (var file in Directory.GetFiles(folder))
        {
            bool used = corpus.Articles.Any(a => a.Path == file || a.Path.StartsWith(file + "#", StringComparison.Ordinal))
                        || corpus.Rejected.Any(r => r.Path == file || r.Path.StartsWith(file + "#", StringComparison.Ordinal));
            Assert.True(used, $"{file} is neither an article nor rejected");
        }
        foreach (var a in corpus.Articles)
            foreach (var s in a.Sentences) Assert.Equal(s.Text, a.Text.Substring(s.Start, s.Length));
    }

    [Fact]
    public void Random_bytes_never_throw_and_every_file_is_accounted_for()
    {
        Gen.Select(Gen.Byte.Array[0, 400], Gen.Int[0, FuzzExtensions.Length - 1]).Array[1, 6].Sample(files =>
        {
            using var dir = new CorpusTempFolder();
            for (int i = 0; i < files.Length; i++) dir.WriteBytes($"f{i}{FuzzExtensions[files[i].Item2]}", files[i].Item1);
            AssertAccountsForEveryFile(dir.Path, Corpus.Load(dir.Path));
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void Random_text_files_never_throw_and_every_file_is_accounted_for()
    {
        // Text built from pieces the loader reacts to: datelines, captions, chrome, quotes, JSON/CSV punctuation.
        var piece = Gen.OneOf<string>("ISLAMABAD: ", "DAVOS (Sputnik) – ", "Published in Dawn, February 21st, 2018", "[image: x]", "<link>",
            "Accessibility links", "XS", "\n", "\n\n", "Mr. ", "U.S. ", "“", "”", "\"", ",", "{", "}", "[", "]", ":", "withRussia ",
            "thetalks ", "On January 19, ", "in 2018 ", "FILE - ", "—Reuters", "Â£", ". ", "?", "word ", "Word ", "\t", "é");
        Gen.Select(piece.Array[0, 60], Gen.Int[0, FuzzExtensions.Length - 1]).Array[1, 5].Sample(files =>
        {
            using var dir = new CorpusTempFolder();
            for (int i = 0; i < files.Length; i++) dir.Write($"t{i}{FuzzExtensions[files[i].Item2]}", string.Concat(files[i].Item1));
            AssertAccountsForEveryFile(dir.Path, Corpus.Load(dir.Path));
        }, iter: 100, threads: 1);
    }
}
