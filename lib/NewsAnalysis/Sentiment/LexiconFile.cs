namespace NewsAnalysis;

/// <summary>
/// The tab-separated format of VADER's lexicon files (<c>key TAB value [TAB ...]</c>, one entry per line), shared by
/// <see cref="VaderLexicon"/> and <see cref="VaderEmojiLexicon"/>: blank lines are skipped and, as in the reference, a
/// later duplicate replaces an earlier one.
/// </summary>
internal static class LexiconFile
{
    /// <summary>Reads <paramref name="path"/> with <paramref name="parse"/>; a missing file names the <paramref name="kind"/> of lexicon.</summary>
    public static T Load<T>(string path, string kind, Func<TextReader, string, T> parse)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{kind} not found: '{path}'.", path);
        using var reader = new StreamReader(path);
        return parse(reader, path);
    }

    /// <summary>
    /// The entries of <paramref name="reader"/>: key → the value <paramref name="value"/> makes of the line's fields, which
    /// returns false for a line it cannot read (a <see cref="FormatException"/> naming <paramref name="origin"/>, the line
    /// and the <paramref name="expected"/> shape); no entry at all is a <see cref="FormatException"/> naming the
    /// <paramref name="kind"/> of lexicon.
    /// </summary>
    public static Dictionary<string, TValue> Entries<TValue>(TextReader reader, string origin, string kind, string expected, FieldsReader<TValue> value)
    {
        var entries = new Dictionary<string, TValue>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            // The trimmed line's first two tab-separated fields, read in place (no Split: every `news sentiment` process
            // reads the 7,500-line lexicon before its first score).
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty) continue;
            var tab = trimmed.IndexOf('\t');
            var rest = tab < 0 ? default : trimmed[(tab + 1)..];
            var next = rest.IndexOf('\t');
            var key = tab < 0 ? "" : trimmed[..tab].ToString();
            if (tab < 0 || !value(key, next < 0 ? rest : rest[..next], out var read))
                throw new FormatException($"{origin}, line {lineNumber}: expected '{expected}', got '{line}'.");
            entries[key] = read;
        }
        if (entries.Count == 0) throw new FormatException($"{origin}: the {kind} is empty.");
        return entries;
    }

    /// <summary>Reads an entry's value from its key and its second field, or returns false.</summary>
    public delegate bool FieldsReader<TValue>(string key, ReadOnlySpan<char> field, out TValue value);
}
