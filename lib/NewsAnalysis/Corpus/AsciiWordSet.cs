namespace NewsAnalysis;

/// <summary>
/// A fixed set of ASCII words, one per line of a list (trimmed, lower-cased, blank lines skipped), looked up by a
/// lower-cased span.
/// </summary>
/// <remarks>
/// Written by hand rather than a <see cref="HashSet{T}"/> of strings: that makes a string per word, and for the
/// 274,137-word English list building it took ~0.2 s of CPU in every process that cleans an article (reading lines,
/// trimming, lower-casing and inserting each; FrozenSet builds slower still). Here the list's bytes are kept as they are
/// and each word is a number in an open-addressing table, built in one pass over the bytes.
/// </remarks>
internal sealed class AsciiWordSet
{
    private readonly byte[] text;     // the list, lower-cased in place
    private readonly List<int> starts;
    private readonly List<int> lengths;
    private readonly int[] slots;     // word number + 1 (0: empty), at its hash's place or the next free one
    private readonly int mask;

    private AsciiWordSet(byte[] text, int lines)
    {
        this.text = text;
        starts = new List<int>(lines);
        lengths = new List<int>(lines);
        mask = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, lines * 2)) - 1;
        slots = new int[mask + 1];
    }

    /// <summary>How many distinct words the set holds.</summary>
    public int Count => starts.Count;

    /// <summary>
    /// The words of <paramref name="text"/> (UTF-8 or ASCII lines, LF or CRLF; the array is lower-cased in place and
    /// kept). A line that is not ASCII is an error naming <paramref name="name"/> and the line.
    /// </summary>
    public static AsciiWordSet Parse(byte[] text, string name)
    {
        var set = new AsciiWordSet(text, text.AsSpan().Count((byte)'\n') + 1);
        int line = 0;
        for (int at = 0; at < text.Length;)
        {
            int end = text.AsSpan(at).IndexOf((byte)'\n') is var n and >= 0 ? at + n : text.Length;
            line++;
            int s = at, e = end;
            while (s < e && IsSpace(text[s])) s++;
            while (e > s && IsSpace(text[e - 1])) e--;
            for (int i = s; i < e; i++)
            {
                if (text[i] >= 128) throw new InvalidDataException($"{name}: line {line} is not ASCII");
                if (text[i] is >= (byte)'A' and <= (byte)'Z') text[i] |= 0x20;
            }
            if (e > s) set.Add(s, e - s);
            at = end + 1;
        }
        return set;
    }

    /// <summary>Whether <paramref name="lower"/> (lower-cased by the caller) is one of the words.</summary>
    public bool Contains(ReadOnlySpan<char> lower)
    {
        uint hash = 2166136261;
        foreach (char c in lower)
        {
            if (c >= 128) return false;   // every word is ASCII
            hash = (hash ^ c) * 16777619;
        }
        for (int slot = (int)hash & mask; slots[slot] != 0; slot = (slot + 1) & mask)
        {
            int word = slots[slot] - 1;
            if (lengths[word] == lower.Length && Same(text.AsSpan(starts[word], lengths[word]), lower)) return true;
        }
        return false;
    }

    private void Add(int start, int length)
    {
        var word = text.AsSpan(start, length);
        uint hash = 2166136261;
        foreach (byte b in word) hash = (hash ^ b) * 16777619;
        int slot = (int)hash & mask;
        for (; slots[slot] != 0; slot = (slot + 1) & mask)
            if (text.AsSpan(starts[slots[slot] - 1], lengths[slots[slot] - 1]).SequenceEqual(word)) return;   // a repeat
        starts.Add(start);
        lengths.Add(length);
        slots[slot] = starts.Count;
    }

    private static bool Same(ReadOnlySpan<byte> word, ReadOnlySpan<char> lower)
    {
        for (int i = 0; i < word.Length; i++)
            if (word[i] != lower[i]) return false;
        return true;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\v' or (byte)'\f';
}
