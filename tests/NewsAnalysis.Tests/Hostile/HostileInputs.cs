using System.Diagnostics;
using System.Text;

namespace NewsAnalysis.Tests;

/// <summary>
/// Issue #15's hostile and degenerate inputs, written at run time into a folder (nothing large is committed). Shared by
/// the hostile-input tests, which assert their bounds, and the <c>hostile</c> benchmark, which prints their figures
/// (linked into both projects), so both run on the same inputs.
/// </summary>
internal static class HostileInputs
{
    /// <summary>The seed articles (<c>data/articles/*.txt</c>), in name order.</summary>
    public static string[] Seeds(string articles) => Directory.GetFiles(articles, "*.txt").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Copies every seed article into <paramref name="folder"/>.</summary>
    public static void CopySeeds(string articles, string folder)
    {
        foreach (var f in Seeds(articles)) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
    }

    /// <summary>Makes a named pipe (FIFO) at <paramref name="path"/> with <c>mkfifo</c>; throws when it cannot.</summary>
    public static void MakeFifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"mkfifo {path}: {p.StandardError.ReadToEnd()}");
    }

    /// <summary>
    /// The seed articles plus every link the issue lists (Linux): <c>loop -> .</c>, <c>sub/up -> ..</c>, links to
    /// <c>/etc</c>, <c>/etc/passwd</c>, <c>/dev/zero</c> and <c>/dev/urandom</c>, a dangling link, a link to a seed
    /// inside the folder, and a FIFO.
    /// </summary>
    public static void LinksFolder(string articles, string folder)
    {
        CopySeeds(articles, folder);
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.CreateSymbolicLink(Path.Combine(folder, "loop"), ".");
        File.CreateSymbolicLink(Path.Combine(folder, "sub", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(folder, "etc"), "/etc");
        File.CreateSymbolicLink(Path.Combine(folder, "passwd.txt"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(folder, "zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(folder, "urandom.txt"), "/dev/urandom");
        File.CreateSymbolicLink(Path.Combine(folder, "dangling.txt"), "/no/such/file");
        File.CreateSymbolicLink(Path.Combine(folder, "seed-link.txt"), Path.GetFileName(Seeds(articles)[0]));
        MakeFifo(Path.Combine(folder, "fifo.txt"));
    }

    /// <summary>10,000 copies of the second seed article as <c>copy00000.txt</c> .. <c>copy09999.txt</c> in <paramref name="folder"/>.</summary>
    public static void CopiesOfOneArticle(string articles, string folder)
    {
        var text = File.ReadAllText(Seeds(articles)[1]);
        for (int i = 0; i < 10_000; i++) File.WriteAllText(Path.Combine(folder, $"copy{i:D5}.txt"), text);
    }

    /// <summary>
    /// Writes "one JSON array of 120,000 near-identical items" (~20 MB: one sentence differing only in its item number)
    /// as <c>near.json</c> in <paramref name="folder"/> and returns its path.
    /// </summary>
    public static string NearIdenticalJsonArray(string folder)
    {
        var path = Path.Combine(folder, "near.json");
        using var stream = File.Create(path);
        using var json = new System.Text.Json.Utf8JsonWriter(stream);
        json.WriteStartArray();
        for (int i = 0; i < 120_000; i++)
        {
            json.WriteStartObject();
            json.WriteString("id", $"n{i}");
            json.WriteString("title", "Markets rally");
            json.WriteString("text", $"Markets rallied on Monday as investors cheered strong bank earnings, lower inflation figures and steady jobs data. Analysts expect more gains, item {i}.");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        return path;
    }

    /// <summary>One file of 1,000,000 tiny sentences (<c>Go 1. Go 2. ...</c>) as <c>go.txt</c>; returns its path.</summary>
    public static string MillionTinySentences(string folder)
    {
        var text = new StringBuilder();
        for (int i = 1; i <= 1_000_000; i++) text.Append("Go ").Append(i).Append(". ");
        var path = Path.Combine(folder, "go.txt");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>An HTML page holding only a script and a style, as <c>page.html</c>; returns its path.</summary>
    public static string OnlyScriptAndStyle(string folder)
    {
        var path = Path.Combine(folder, "page.html");
        File.WriteAllText(path, "<html><head><script>var x = 1;</script><style>p { color: red }</style></head><body></body></html>");
        return path;
    }

    /// <summary>
    /// Articles dated at the calendar's edges: <c>json/d.json</c> (9999-12-31 and 0001-01-01 in the JSON <c>date</c>,
    /// and one dated 2020-05-01), and <c>meta/a.txt</c>, <c>meta/b.txt</c> given the edge dates by <c>meta/metadata.csv</c>.
    /// </summary>
    public static void EdgeDates(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "json"));
        Directory.CreateDirectory(Path.Combine(folder, "meta"));
        File.WriteAllText(Path.Combine(folder, "json", "d.json"), System.Text.Json.JsonSerializer.Serialize(new[]
        {
            new { title = "Far future", date = "9999-12-31", text = "Officials met in Geneva on Monday to discuss the treaty. Talks continue next week." },
            new { title = "Far past", date = "0001-01-01", text = "The council met on Tuesday and agreed a budget for next year." },
            new { title = "Normal", date = "2020-05-01", text = "The council met on Tuesday and agreed a budget for next year, officials said." },
        }));
        File.WriteAllText(Path.Combine(folder, "meta", "a.txt"), "The council met on Tuesday and agreed a budget for next year.\n");
        File.WriteAllText(Path.Combine(folder, "meta", "b.txt"), "Officials met in Geneva on Monday to discuss the treaty. Talks continue next week.\n");
        File.WriteAllText(Path.Combine(folder, "meta", "metadata.csv"), "file,title,published\na.txt,A,9999-12-31\nb.txt,B,0001-01-01\n");
    }

    /// <summary>A news text as UTF-16 little-endian without a byte-order mark, as <c>le.txt</c>; returns its path.</summary>
    public static string Utf16WithoutBom(string folder, string text)
    {
        var path = Path.Combine(folder, "le.txt");
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes(text));
        return path;
    }

    /// <summary>
    /// Collections each holding one article of 30,000,000 characters between two short ones (over the default
    /// 20 MB single-article cap): <c>big.json</c> (an array), <c>big.jsonl</c> and <c>big.csv</c>.
    /// </summary>
    public static void HugeRows(string folder)
    {
        var huge = new StringBuilder(30_000_000).Insert(0, "word ", 6_000_000).ToString();
        File.WriteAllText(Path.Combine(folder, "big.json"), $"[{{\"text\": \"A short story.\"}}, {{\"text\": \"{huge}\"}}, {{\"text\": \"Another short story.\"}}]");
        File.WriteAllText(Path.Combine(folder, "big.jsonl"), $"{{\"text\": \"A short line.\"}}\n{{\"text\": \"{huge}\"}}\n{{\"text\": \"Another short line.\"}}\n");
        File.WriteAllText(Path.Combine(folder, "big.csv"), $"text\nA short row.\n\"{huge}\"\nAnother short row.\n");
    }
}
