using System.Security.Cryptography;
using System.Text;

namespace NewsAnalysis.Tests;

/// <summary><see cref="ResultKeys"/>: result keys as numbers, written and read back, and the keys it refuses.</summary>
public class ResultKeysTests
{
    private static string Hex(int i) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"article {i}")), 0, 16);

    [Fact]
    public void Keys_of_several_analyses_are_written_and_read_back_as_they_were()
    {
        var keys = Enumerable.Range(0, 500).Select(i => (i % 3 == 0 ? "sentiment" : i % 3 == 1 ? "entities" : "timeline") + "\u001f" + Hex(i)).ToList();
        var compact = ResultKeys.Of(keys);
        Assert.Equal(["sentiment", "entities", "timeline"], compact.Analyses);

        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true)) compact.Write(w);
        var r = new CorpusCache.EntryReader(buffer.ToArray());
        var back = ResultKeys.Read(ref r);
        Assert.True(r.AtEnd);

        var texts = Enumerable.Range(0, back.Count).Select(i => back.Analyses[back.AnalysisOf[i]] + "\u001f" + ResultKeys.Text(back.Values[i])).ToList();
        Assert.Equal(keys, texts);
    }

    [Fact]
    public void A_key_reads_as_its_number_and_back_as_its_text()
    {
        Assert.Equal(UInt128.Zero, ResultKeys.Value(new string('0', 32)));
        Assert.Equal(UInt128.MaxValue, ResultKeys.Value(new string('F', 32)));
        Assert.Equal(new UInt128(0x0123456789ABCDEF, 0xFEDCBA9876543210), ResultKeys.Value("0123456789abcdefFEDCBA9876543210"));
        foreach (var hex in Enumerable.Range(0, 100).Select(Hex)) Assert.Equal(hex, ResultKeys.Text(ResultKeys.Value(hex)));
    }

    [Theory]
    [InlineData("sentiment:0123456789ABCDEF0123456789ABCDEF", "names no analysis")]
    [InlineData("sentiment\u001f0123456789ABCDEF0123456789ABCDE", "is not 32 hexadecimal digits")]
    [InlineData("sentiment\u001f0123456789ABCDEF0123456789ABCDEG", "is not 32 hexadecimal digits")]
    public void A_key_that_is_not_an_analysis_and_32_digits_is_refused_naming_it(string key, string why)
    {
        var error = Assert.Throws<FormatException>(() => ResultKeys.Of([key]));
        Assert.Contains(why, error.Message);
        Assert.Contains(key.Split('\u001f')[^1], error.Message);
    }

    [Fact]
    public void Cut_or_misnumbered_bytes_do_not_read()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true)) ResultKeys.Of(["sentiment\u001f" + Hex(1), "sentiment\u001f" + Hex(2)]).Write(w);
        var bytes = buffer.ToArray();
        Assert.Throws<FormatException>(() => { var r = new CorpusCache.EntryReader(bytes.AsSpan(0, bytes.Length - 1)); ResultKeys.Read(ref r); });
        int analysisOf = bytes.Length - 2 * 16 - 2;   // the first key's analysis: 0, the only one listed
        Assert.Equal(0, bytes[analysisOf]);
        bytes[analysisOf] = 1;
        Assert.Throws<FormatException>(() => { var r = new CorpusCache.EntryReader(bytes); ResultKeys.Read(ref r); });
    }
}
