using System.Buffers.Binary;
using System.Globalization;

namespace NewsAnalysis;

/// <summary>
/// Per-article result keys as numbers: each one's analysis (by its place in <see cref="Analyses"/>) and its 128 bits.
/// A result key is 32 hexadecimal digits (the first half of a SHA-256, <c>ArticleResultStore.Key</c>), written
/// <c>analysis U+001F key</c> where a frame's rows name the results they came from. Kept in this form in a file's
/// rendered rows and in the set of keys a run used, a rerun that copies 100,000 articles' rows neither makes nor
/// hashes 100,000 strings to keep their results (0.07–0.12 s of its main thread before).
/// </summary>
internal sealed class ResultKeys
{
    private ResultKeys(string[] analyses, byte[] analysisOf, UInt128[] values)
    {
        Analyses = analyses;
        AnalysisOf = analysisOf;
        Values = values;
    }

    /// <summary>The analyses named, each once.</summary>
    public string[] Analyses { get; }

    /// <summary>Each key's analysis: its place in <see cref="Analyses"/>.</summary>
    public byte[] AnalysisOf { get; }

    /// <summary>Each key's value.</summary>
    public UInt128[] Values { get; }

    /// <summary>How many keys.</summary>
    public int Count => Values.Length;

    /// <summary>The keys <c>analysis U+001F key</c> as numbers.</summary>
    /// <exception cref="FormatException">A key is not an analysis name and 32 hexadecimal digits, or there are over 255 analyses.</exception>
    public static ResultKeys Of(IReadOnlyList<string> keys)
    {
        var analyses = new List<string>();
        var analysisOf = new byte[keys.Count];
        var values = new UInt128[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            var key = keys[i].AsSpan();
            int cut = key.IndexOf('\u001f');
            if (cut < 0) throw new FormatException($"result key '{keys[i]}' names no analysis");
            analysisOf[i] = AnalysisIndex(analyses, key[..cut]);
            values[i] = Value(key[(cut + 1)..]);
        }
        return new ResultKeys([.. analyses], analysisOf, values);
    }

    /// <summary>The keys given as analysis and value, in order.</summary>
    /// <exception cref="FormatException">Over 255 analyses.</exception>
    public static ResultKeys From(IReadOnlyList<(string Analysis, UInt128 Value)> keys)
    {
        var analyses = new List<string>();
        var analysisOf = new byte[keys.Count];
        var values = new UInt128[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            analysisOf[i] = AnalysisIndex(analyses, keys[i].Analysis);
            values[i] = keys[i].Value;
        }
        return new ResultKeys([.. analyses], analysisOf, values);
    }

    // The analysis's place in analyses, added when new.
    private static byte AnalysisIndex(List<string> analyses, ReadOnlySpan<char> analysis)
    {
        int at = 0;
        while (at < analyses.Count && !analysis.SequenceEqual(analyses[at])) at++;
        if (at == analyses.Count)
        {
            if (analyses.Count == byte.MaxValue) throw new FormatException("over 255 analyses in one list of result keys");
            analyses.Add(analysis.ToString());
        }
        return (byte)at;
    }

    /// <summary>Key <paramref name="i"/>: its analysis and value.</summary>
    public (string Analysis, UInt128 Value) this[int i] => (Analyses[AnalysisOf[i]], Values[i]);

    /// <summary>A key's 32 hexadecimal digits as a number.</summary>
    /// <exception cref="FormatException">Not 32 hexadecimal digits.</exception>
    public static UInt128 Value(ReadOnlySpan<char> key)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (key.Length != 32 || Convert.FromHexString(key, bytes, out _, out int written) != System.Buffers.OperationStatus.Done || written != 16)
            throw new FormatException($"result key '{key}' is not 32 hexadecimal digits");
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>A key's text: 32 upper-case hexadecimal digits (as <c>Convert.ToHexString</c> writes them).</summary>
    public static string Text(UInt128 value) => value.ToString("X32", CultureInfo.InvariantCulture);

    /// <summary>Writes the keys: the analyses, then per key its analysis's place and its 16 bytes.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Analyses.Length);
        foreach (var analysis in Analyses) CorpusCache.Str(w, analysis);
        w.Write(Values.Length);
        w.Write(AnalysisOf);
        Span<byte> bytes = stackalloc byte[16];
        foreach (var value in Values)
        {
            BinaryPrimitives.WriteUInt128LittleEndian(bytes, value);
            w.Write(bytes);
        }
    }

    /// <summary>Reads keys <see cref="Write"/> wrote.</summary>
    /// <exception cref="FormatException">They are cut short or name an analysis that is not listed.</exception>
    public static ResultKeys Read(ref CorpusCache.EntryReader r)
    {
        var analyses = new string[r.Len()];
        for (int i = 0; i < analyses.Length; i++) analyses[i] = r.Req();
        int count = r.Len();
        var analysisOf = r.Bytes(count).ToArray();
        if (analysisOf.AsSpan().IndexOfAnyInRange((byte)analyses.Length, byte.MaxValue) >= 0) throw new FormatException("a result key names no listed analysis");
        var values = new UInt128[count];
        var bytes = r.Bytes(checked(count * 16));
        for (int i = 0; i < count; i++) values[i] = BinaryPrimitives.ReadUInt128LittleEndian(bytes.Slice(i * 16, 16));
        return new ResultKeys(analyses, analysisOf, values);
    }
}
