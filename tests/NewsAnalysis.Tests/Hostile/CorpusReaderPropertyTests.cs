using System.Text;
using System.Text.Json;
using CsCheck;

namespace NewsAnalysis.Tests;

/// <summary>
/// CsCheck properties of the folder walker and the streamed CSV/JSON readers on random trees and bytes (issue #15):
/// nothing outside the data folder is read, every file is an article or a rejected row, no input throws, and a
/// malformed row costs only itself.
/// </summary>
public class CorpusReaderPropertyTests
{
    // One step building a tree: a folder, a file, or a symbolic link to somewhere (inside, outside, a loop, nowhere, a device).
    private static readonly Gen<(int Kind, int Parent, int Target)> Step = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 50], Gen.Int[0, 7]);

    private static readonly string[] LinkTargets = ["..", ".", "/etc", "/etc/hostname", "/dev/null", "/no/such/place", "../..", "f0.txt"];

    [Fact]
    public void Random_trees_of_folders_files_and_links_are_walked_without_leaving_the_folder_and_every_file_is_accounted_for()
    {
        if (!OperatingSystem.IsLinux()) return;
        Step.Array[1, 40].Sample(steps =>
        {
            using var dir = new CorpusTempFolder();
            var root = Path.Combine(dir.Path, "data");
            Directory.CreateDirectory(root);
            var folders = new List<string> { root };
            int n = 0;
            foreach (var (kind, parent, target) in steps)
            {
                var at = folders[parent % folders.Count];
                var name = Path.Combine(at, kind switch { 0 => $"d{n}", 3 => $"l{n}", _ => $"f{n}.txt" });
                n++;
                switch (kind)
                {
                    case 0: Directory.CreateDirectory(name); folders.Add(name); break;
                    case 3: File.CreateSymbolicLink(name, LinkTargets[target]); break;
                    default: File.WriteAllText(name, $"Story {n} says the council met on Tuesday."); break;
                }
            }
            // What is really there, found without following any link.
            var regular = new List<string>();
            var links = new List<string>();
            var pending = new Stack<string>([root]);
            while (pending.Count > 0)
                foreach (var e in Directory.GetFileSystemEntries(pending.Pop()))
                {
                    var info = new FileInfo(e);
                    if (info.LinkTarget is not null) links.Add(e);
                    else if (Directory.Exists(e)) pending.Push(e);
                    else regular.Add(e);
                }

            var corpus = Corpus.Load(root);
            var read = corpus.Articles.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
            var rejected = corpus.Rejected.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
            Assert.All(read.Concat(rejected), p => Assert.StartsWith(root + "/", p));
            Assert.Equal(regular.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));   // each file once, none outside
            Assert.All(links, l => Assert.Contains(l, rejected));                                     // each link a row with its reason
            Assert.Equal(regular.Count + links.Count, read.Count + rejected.Count);
        }, iter: 40);
    }

    private static readonly Gen<string> CsvPiece = Gen.OneOf<string>(
        Gen.Const(","), Gen.Const("\""), Gen.Const("\n"), Gen.Const("\r\n"), Gen.Const(" "), Gen.Const("news"), Gen.Const("é"), Gen.Const("\"\""), Gen.Const(";"));

    [Fact]
    public void Random_csv_text_never_throws_and_every_row_is_an_article_or_a_rejected_row()
    {
        CsvPiece.Array[0, 80].Sample(pieces =>
        {
            using var dir = new CorpusTempFolder();
            var path = dir.Write("r.csv", "id,text\n" + string.Concat(pieces));
            var corpus = Corpus.Load(path);
            var rows = corpus.Articles.Select(a => a.Path).Concat(corpus.Rejected.Select(r => r.Path)).Where(p => p.Contains("#row ")).ToList();
            Assert.Equal(rows.Count, rows.Distinct().Count());   // a row is never both loaded and rejected, nor counted twice
            Assert.True(corpus.Articles.Count + corpus.Rejected.Count >= 1);
        }, iter: 300);
    }

    [Fact]
    public void A_malformed_csv_row_anywhere_costs_only_itself()
    {
        Gen.Select(Gen.Int[2, 30], Gen.Int[0, 29], Gen.OneOf(Gen.Const("\"never closed"), Gen.Const("\"closed\" then text"), Gen.Const("a,b,c"))).Sample((count, at, broken) =>
        {
            int bad = at % count;
            var csv = new StringBuilder("id,text\n");
            for (int i = 0; i < count; i++)
                csv.Append(i == bad ? $"r{i},{broken}\n" : $"r{i},Row {i} is a plain row of news text.\n");
            using var dir = new CorpusTempFolder();
            var path = dir.Write("r.csv", csv.ToString());
            var corpus = Corpus.Load(path);
            var loaded = corpus.Articles.Where(a => a.Text.StartsWith("Row ", StringComparison.Ordinal)).Select(a => a.Id).ToList();
            Assert.Equal(Enumerable.Range(0, count).Where(i => i != bad).Select(i => $"r{i}"), loaded);
            Assert.All(corpus.Articles, a => Assert.Equal($"{path}#row {int.Parse(a.Id[1..]) + 1}", a.Path));   // the file's row numbers
            if (!corpus.Articles.Any(a => a.Id == $"r{bad}"))
                Assert.Equal($"{path}#row {bad + 1}", Assert.Single(corpus.Rejected).Path);
        }, iter: 200);
    }

    [Fact]
    public void Random_bytes_as_csv_json_or_jsonl_never_throw()
    {
        Gen.Select(Gen.Byte.Array[0, 600], Gen.Int[0, 2]).Sample((bytes, kind) =>
        {
            using var dir = new CorpusTempFolder();
            var path = dir.WriteBytes("x" + new[] { ".csv", ".json", ".jsonl" }[kind], bytes);
            var corpus = Corpus.Load(path);
            Assert.True(corpus.Articles.Count + corpus.Rejected.Count >= 1, "the file is neither read nor rejected");
        }, iter: 300);
    }

    [Fact]
    public void A_json_array_streams_every_object_in_order_whatever_its_strings()
    {
        var text = Gen.String[Gen.Char.AlphaNumeric, 1, 40];
        Gen.Select(text, text).Array[1, 30].Sample(items =>
        {
            using var dir = new CorpusTempFolder();
            var path = dir.Write("a.json", JsonSerializer.Serialize(items.Select(i => new { title = "T " + i.Item1, text = "Story " + i.Item2 + "." })));
            var corpus = Corpus.Load(path);
            Assert.Empty(corpus.Rejected);
            Assert.Equal(items.Select((_, k) => $"{path}#item {k + 1}"), corpus.Articles.Select(a => a.Path));
            Assert.Equal(items.Select(i => "T " + i.Item1), corpus.Articles.Select(a => a.Title));
        }, iter: 100);
    }

    [Fact]
    public void A_truncated_json_array_keeps_the_items_before_the_break_and_names_where_it_broke()
    {
        using var dir = new CorpusTempFolder();
        var path = dir.Write("cut.json", "[{\"text\": \"First story.\"},\n{\"text\": \"Second story.\"},\n{\"text\": \"Third sto");
        var corpus = Corpus.Load(path);
        Assert.Equal(["First story.", "Second story."], corpus.Articles.Select(a => a.Text));
        var rejected = Assert.Single(corpus.Rejected);
        Assert.Equal($"{path}#item 3", rejected.Path);
        Assert.Contains("line 3", rejected.Reason);
    }
}
