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
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            var parts = trimmed.Split('\t');
            if (parts.Length < 2 || !value(parts, out var read))
                throw new FormatException($"{origin}, line {lineNumber}: expected '{expected}', got '{line}'.");
            entries[parts[0]] = read;
        }
        if (entries.Count == 0) throw new FormatException($"{origin}: the {kind} is empty.");
        return entries;
    }

    /// <summary>Reads an entry's value from its fields (at least two), or returns false.</summary>
    public delegate bool FieldsReader<TValue>(string[] fields, out TValue value);
}
