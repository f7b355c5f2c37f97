using System.Collections.Concurrent;

namespace NewsAnalysis;

/// <summary>
/// One string per distinct short value (sources, datelines) for the articles of one load, safe across threads: a
/// million wire items naming "Reuters" hold one "Reuters", not a million (30 MB). Only values up to
/// <see cref="MaxLength"/> characters are pooled, and at most <see cref="MaxEntries"/> of them, so a column of
/// distinct values costs no more than it did. Hand-written: <see cref="string.Intern(string)"/> keeps strings for the
/// life of the process and needs the string made first.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Longest value pooled.</summary>
    public const int MaxLength = 64;

    /// <summary>Most distinct values pooled; later new values are returned as new strings.</summary>
    public const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, string> pool = new(StringComparer.Ordinal);
    private int entries;

    /// <summary>The pooled string equal to <paramref name="value"/> (pooling it when there is room).</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength) return value.ToString();
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var pooled)) return pooled;
        var made = value.ToString();
        if (Volatile.Read(ref entries) >= MaxEntries) return made;
        if (pool.TryAdd(made, made)) { Interlocked.Increment(ref entries); return made; }
        return pool.TryGetValue(made, out pooled) ? pooled : made;
    }

    /// <summary>As <see cref="Get(ReadOnlySpan{char})"/>; null stays null.</summary>
    public string? Get(string? value) => value is null ? null : Get(value.AsSpan());
}
