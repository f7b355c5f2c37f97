using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace NewsAnalysis.Tests;

/// <summary>
/// A JSON array is cut into items one at a time, each under the single-article cap (issue #15: an item of any size
/// inside an array is read past, not held), and a broken item costs only itself.
/// </summary>
public class JsonArrayItemsTests
{
    private static List<JsonArrayItem> Items(string json, long cap = 1 << 20) => JsonArrayItems.Read(new StringReader(json), cap).ToList();

    [Fact]
    public void An_item_over_the_cap_is_rejected_alone_and_the_items_around_it_load()
    {
        using var dir = new CorpusTempFolder();
        var path = dir.Write("a.json", "[{\"text\": \"First story.\"},\n {\"text\": \"" + new string('w', 5_000) + "\"},\n {\"text\": \"Third story.\"}]");
        var corpus = Corpus.Load(path, new CorpusOptions { MaxFileBytes = 2_048 });
        Assert.Equal(["First story.", "Third story."], corpus.Articles.Select(a => a.Text));
        Assert.Equal([$"{path}#item 1", $"{path}#item 3"], corpus.Articles.Select(a => a.Path));
        var rejected = Assert.Single(corpus.Rejected);
        Assert.Equal($"{path}#item 2", rejected.Path);
        Assert.Equal("array item 2 (line 2) is over the 2,048-character limit for one article (--max-file-size)", rejected.Reason);
    }

    [Fact]
    public void A_malformed_value_costs_only_its_item()
    {
        using var dir = new CorpusTempFolder();
        var path = dir.Write("a.json", "[{\"text\": \"One.\"},\n{\"text\": tru},\n42,\n{\"text\": \"Four.\"},]");
        var corpus = Corpus.Load(path);
        Assert.Equal(["One.", "Four."], corpus.Articles.Select(a => a.Text));
        Assert.Equal([$"{path}#item 2", $"{path}#item 3"], corpus.Rejected.Select(r => r.Path));
        Assert.StartsWith("malformed JSON in array item 2 (line 2)", corpus.Rejected[0].Reason);
        Assert.Equal("array item 3 is a Number, expected an object", corpus.Rejected[1].Reason);
    }

    [Fact]
    public void An_array_behind_a_leading_comment_is_read_item_by_item_as_any_array()
    {
        using var dir = new CorpusTempFolder();
        var path = dir.Write("a.json", "// exported items\n[{\"text\": \"One.\"}, 7, {\"text\": \"" + new string('w', 3_000) + "\"}, {\"text\": \"Four.\"}]");
        var corpus = Corpus.Load(path, new CorpusOptions { MaxFileBytes = 8_192 });   // read whole, under the single-article cap
        Assert.Equal(["One.", new string('w', 3_000), "Four."], corpus.Articles.Select(a => a.Text));
        Assert.Equal([$"{path}#item 1", $"{path}#item 3", $"{path}#item 4"], corpus.Articles.Select(a => a.Path));
        var rejected = Assert.Single(corpus.Rejected);
        Assert.Equal(($"{path}#item 2", "array item 2 is a Number, expected an object"), (rejected.Path, rejected.Reason));
        var capped = Corpus.Load(path, new CorpusOptions { MaxFileBytes = 2_048 });
        Assert.Contains("over the 2,048-byte limit for one article (--max-file-size)", Assert.Single(capped.Rejected).Reason);
    }

    [Fact]
    public void Brackets_commas_and_comment_marks_inside_strings_and_comments_do_not_cut_an_item()
    {
        var json = "// a list\n[ /* first */ {\"t\": \"a ] b } c, d \\\" e [ {\", \"n\": [1, {\"x\": \"//\"}]} // end\n, \"s\\\\\" /* ] */ ,\n[] ]";
        var items = Items(json);
        Assert.Equal([1, 2, 3], items.Select(i => i.Number));
        Assert.Equal([2, 3, 4], items.Select(i => i.Line));
        Assert.Equal("a ] b } c, d \" e [ {", JsonNode.Parse(items[0].Text!)!["t"]!.GetValue<string>());
        Assert.Equal("s\\", JsonNode.Parse(items[1].Text!)!.GetValue<string>());
        Assert.Equal("[]", items[2].Text);
    }

    [Theory]
    [InlineData("[{\"a\": 1}, {\"b\": [2}]", 1, "'}' closes a bracket it does not match")]
    [InlineData("[{\"a\": 1}\n{\"b\": 2}]", 1, "'{' where a comma or ']' should be")]
    [InlineData("[{\"a\": 1},,{\"b\": 2}]", 1, "a comma where an item should be")]
    [InlineData("[{\"a\": 1}] x", 1, "'x' after the array's closing ']'")]
    [InlineData("[{\"a\": 1}, {\"b\": \"never closed", 1, "the file ends inside a string")]
    [InlineData("[{\"a\": 1}, {\"b\": 2}", 2, "the file ends inside the array, before its closing ']' (after 2 items)")]
    public void A_broken_structure_stops_after_the_items_before_it_and_says_what_broke(string json, int itemsBefore, string what)
    {
        var items = new List<JsonArrayItem>();
        var e = Assert.Throws<JsonArrayBrokenException>(() => { foreach (var i in JsonArrayItems.Read(new StringReader(json), 1 << 20)) items.Add(i); });
        Assert.Equal(itemsBefore, items.Count);
        Assert.Equal(what, e.Message);
    }

    [Fact]
    public void Nesting_deeper_than_json_is_read_costs_its_item_and_no_memory_beyond_the_cap()
    {
        using var dir = new CorpusTempFolder();
        var deep = new string('[', 2_000_000) + new string(']', 2_000_000);
        var path = dir.Write("a.json", "[" + deep + ", {\"text\": \"After the deep one.\"}]");
        var corpus = Corpus.Load(path, new CorpusOptions { MaxFileBytes = 1_000 });
        Assert.Equal("After the deep one.", Assert.Single(corpus.Articles).Text);
        Assert.Contains("over the 1,000-character limit", Assert.Single(corpus.Rejected).Reason);
    }

    [Fact]
    public void Every_item_of_any_serialised_array_comes_back_as_itself()
    {
        var leaf = Gen.OneOf<JsonNode?>(Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)), Gen.Int.Select(n => (JsonNode?)JsonValue.Create(n)),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)), Gen.Const(() => (JsonNode?)null));
        var node = Gen.Recursive<JsonNode?>((depth, self) => depth >= 3 ? leaf : Gen.OneOf(leaf,
            self.Array[0, 4].Select(a => (JsonNode?)new JsonArray(a)),
            Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 6], self).Array[0, 4].Select(kv =>
            {
                var o = new JsonObject();
                foreach (var (k, v) in kv) o[k] = v;
                return (JsonNode?)o;
            })));
        Gen.Select(node.Array[0, 8], Gen.Bool).Sample((values, indented) =>
        {
            var json = new JsonArray(values.Select(v => v?.DeepClone()).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
            var items = Items(json);
            Assert.Equal(values.Length, items.Count);
            for (int i = 0; i < values.Length; i++)
                Assert.True(JsonNode.DeepEquals(values[i], JsonNode.Parse(items[i].Text!)), $"item {i + 1}: {items[i].Text}");
        }, iter: 300);
    }
}
