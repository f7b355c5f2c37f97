using System.IO.Compression;
using System.Text;

namespace NewsAnalysis.Tests;

/// <summary>
/// <see cref="AsciiWordSet"/> answers as a set of the list's trimmed, lower-cased lines does (what the English word list
/// was before it: a <c>HashSet&lt;string&gt;</c>), on the shipped list and on lists written to reach its edges.
/// </summary>
public class AsciiWordSetTests
{
    [Fact]
    public void The_shipped_english_list_answers_as_a_set_of_its_lines()
    {
        var path = Path.Combine(TestData.Root, "data", "corpus", "english-words.txt.gz");
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) if (line.Trim() is { Length: > 0 } w) lines.Add(w.ToLowerInvariant());
        var reference = lines.ToHashSet(StringComparer.Ordinal);

        var set = EnglishWords.All;
        Assert.Equal(reference.Count, set.Count);
        Assert.True(reference.Count > 270_000, $"{reference.Count} words");
        int misses = 0, asked = 0;
        foreach (var word in lines)
        {
            Assert.True(set.Contains(word), word);
            // Near misses: a letter more, a letter fewer, one letter changed.
            foreach (var other in new[] { word + "q", word[..^1], word[..^1] + (char)(word[^1] == 'z' ? 'a' : word[^1] + 1) })
            {
                asked++;
                Assert.Equal(reference.Contains(other), set.Contains(other));
                if (!reference.Contains(other)) misses++;
            }
        }
        Assert.True(misses > asked / 4, $"{misses} of {asked} near misses are not words");   // the lookups that must say no were asked
    }

    [Fact]
    public void Lines_are_trimmed_lower_cased_and_counted_once()
    {
        var set = AsciiWordSet.Parse(Encoding.ASCII.GetBytes("Apple\r\n  pear \n\n\t\r\napple\nKIWI\nfig"), "fruit.txt");
        Assert.Equal(4, set.Count);
        foreach (var word in new[] { "apple", "pear", "kiwi", "fig" }) Assert.True(set.Contains(word), word);
        foreach (var word in new[] { "Apple", "", " pear", "pea", "pears", "figs", "fi", "ápple", "kiwi\r" }) Assert.False(set.Contains(word), word);
    }

    [Fact]
    public void A_list_that_is_not_ascii_is_an_error_naming_it_and_the_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => AsciiWordSet.Parse(Encoding.UTF8.GetBytes("apple\ncafé\n"), "words.txt"));
        Assert.Equal("words.txt: line 2 is not ASCII", error.Message);
    }

    [Fact]
    public void An_empty_list_holds_nothing()
    {
        var set = AsciiWordSet.Parse([], "empty.txt");
        Assert.Equal(0, set.Count);
        Assert.False(set.Contains(""));
        Assert.False(set.Contains("a"));
    }
}
