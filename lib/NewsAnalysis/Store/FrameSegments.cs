using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>
/// A frame of per-article rows kept per input file: the rows one file's articles give (a <i>segment</i>) as exact bytes,
/// and frames put together from segments. Used by <see cref="ArticleResultStore"/> so that a rerun takes an unchanged
/// file's rows as they were, without making its articles or reading its per-article results. Strings are kept exactly
/// (UTF-8, or UTF-16 units when a string holds a lone surrogate), doubles bit for bit, dates with their kind, and each
/// column as the same DataFrame column type.
/// </summary>
/// <remarks>
/// Written by hand: the frames hold a few column types only, and a segment must give back the very column classes
/// (<see cref="Int32DataFrameColumn"/>, not a generic one) and values; DataFrame's own CSV or Arrow round trips do
/// not keep the date kind or the column class.
/// </remarks>
internal static class FrameSegments
{
    private const string Format = "frame-segment-1";

    // The column classes a segment keeps, by code.
    private static readonly Type[] Kinds =
    [
        typeof(StringDataFrameColumn), typeof(Int32DataFrameColumn), typeof(Int64DataFrameColumn), typeof(DoubleDataFrameColumn),
        typeof(SingleDataFrameColumn), typeof(BooleanDataFrameColumn), typeof(DateTimeDataFrameColumn),
    ];

    /// <summary>A frame's values column by column (string?[] or T?[] arrays), with the column classes.</summary>
    internal sealed record Part(string[] Names, int[] Kinds, Array[] Values, long Rows, string[] Keys);

    /// <summary>The values of <paramref name="frame"/> (null when a column is of a class a segment does not keep).</summary>
    public static Part? Of(DataFrame frame, string[] keys)
    {
        int n = frame.Columns.Count;
        var names = new string[n];
        var kinds = new int[n];
        var values = new Array[n];
        for (int c = 0; c < n; c++)
        {
            var column = frame.Columns[c];
            names[c] = column.Name;
            kinds[c] = Array.IndexOf(Kinds, column.GetType());
            if (kinds[c] < 0) return null;
            values[c] = column switch
            {
                StringDataFrameColumn s => Values(s, s.Length),
                Int32DataFrameColumn i => Values(i, i.Length),
                Int64DataFrameColumn l => Values(l, l.Length),
                DoubleDataFrameColumn d => Values(d, d.Length),
                SingleDataFrameColumn f => Values(f, f.Length),
                BooleanDataFrameColumn b => Values(b, b.Length),
                DateTimeDataFrameColumn t => Values(t, t.Length),
                _ => throw new InvalidOperationException("unreachable"),
            };
        }
        return new Part(names, kinds, values, frame.Rows.Count, keys);
    }

    private static string?[] Values(StringDataFrameColumn column, long length)
    {
        var values = new string?[length];
        for (long r = 0; r < length; r++) values[r] = column[r];
        return values;
    }

    private static T?[] Values<T>(PrimitiveDataFrameColumn<T> column, long length) where T : unmanaged
    {
        var values = new T?[length];
        for (long r = 0; r < length; r++) values[r] = column[r];
        return values;
    }

    /// <summary>The frame of <paramref name="parts"/> one after the other (all of one schema), with the column classes of the parts.</summary>
    public static DataFrame Concat(IReadOnlyList<Part> parts)
    {
        var first = parts[0];
        var columns = new List<DataFrameColumn>(first.Names.Length);
        for (int c = 0; c < first.Names.Length; c++)
        {
            int column = c;
            IEnumerable<T> All<T>() => parts.SelectMany(p => (T[])p.Values[column]);
            var name = first.Names[c];
            columns.Add(first.Kinds[c] switch
            {
                0 => new StringDataFrameColumn(name, All<string?>()),
                1 => new Int32DataFrameColumn(name, All<int?>()),
                2 => new Int64DataFrameColumn(name, All<long?>()),
                3 => new DoubleDataFrameColumn(name, All<double?>()),
                4 => new SingleDataFrameColumn(name, All<float?>()),
                5 => new BooleanDataFrameColumn(name, All<bool?>()),
                _ => new DateTimeDataFrameColumn(name, All<DateTime?>()),
            });
        }
        return new DataFrame(columns);
    }

    /// <summary>
    /// Writes every row of <paramref name="parts"/> to <paramref name="writer"/> (whose columns are the parts' columns, in
    /// order): the bytes writing their <see cref="Concat"/> frame gives, without making it. Returns the rows written.
    /// </summary>
    public static long WriteRows(IReadOnlyList<Part> parts, FrameRowWriter writer)
    {
        long rows = 0;
        foreach (var part in parts)
        {
            for (long r = 0; r < part.Rows; r++)
            {
                for (int c = 0; c < part.Values.Length; c++)
                {
                    switch (part.Values[c])
                    {
                        case string?[] v: writer.Write(v[r]); break;
                        case int?[] v: writer.Write(v[r] ?? throw new InvalidOperationException($"a null in the integer column {part.Names[c]}")); break;
                        case double?[] v: writer.Write(v[r]); break;
                        case DateTime?[] v: writer.Write(v[r]); break;
                        default: throw new NotSupportedException($"column {part.Names[c]}: a row writer takes text, integers, numbers and dates only");
                    }
                }
                writer.EndRow();
                rows++;
            }
        }
        return rows;
    }

    /// <summary>
    /// <paramref name="whole"/>, the rows of <paramref name="articles"/> (each article's rows together, in article
    /// order, an <c>ArticleId</c> column naming it), cut into the rows of consecutive runs of <paramref name="runs"/>
    /// articles; null when the frame has no such column or its rows are not in that order.
    /// </summary>
    public static Part[]? Split(Part whole, Article[] articles, int[] runs)
    {
        if (runs.Length == 1) return [whole];
        int idColumn = Array.IndexOf(whole.Names, "ArticleId");
        if (idColumn < 0 || whole.Values[idColumn] is not string?[] ids) return null;
        var runOf = new Dictionary<string, int>(articles.Length, StringComparer.Ordinal);
        for (int r = 0, at = 0; r < runs.Length; at += runs[r], r++)
            for (int j = at; j < at + runs[r]; j++) runOf.TryAdd(articles[j].Id, r);
        var parts = new Part[runs.Length];
        int row = 0;
        for (int r = 0; r < runs.Length; r++)
        {
            int start = row;
            while (row < ids.Length && ids[row] is { } id && runOf.TryGetValue(id, out var run) && run == r) row++;
            parts[r] = whole with
            {
                Values = Array.ConvertAll(whole.Values, v => { var slice = Array.CreateInstance(v.GetType().GetElementType()!, row - start); Array.Copy(v, start, slice, 0, row - start); return slice; }),
                Rows = row - start,
            };
        }
        return row == ids.Length ? parts : null;
    }

    /// <summary>
    /// The rows of a file's articles (<paramref name="ids"/>, in order) when some of them are as they were: an article
    /// with a place in <paramref name="from"/> (not -1) takes its rows from <paramref name="before"/> (the file's
    /// earlier rows), the others from <paramref name="built"/> (the rows of those articles alone, null when there are
    /// none). Rows are found by their <c>ArticleId</c>. Null when the parts differ in columns, an article's rows are not
    /// together, or a built row belongs to no article of the file.
    /// </summary>
    public static Part? Patch(Part before, Part? built, string[] ids, int[] from, string[] keys)
    {
        if (built is not null && !SameSchema(before, built)) return null;
        if (RowsOf(before) is not { } earlier) return null;
        Dictionary<string, (int First, int Count)>? now = null;
        if (built is not null && (now = RowsOf(built)) is null) return null;
        var pieces = new List<(Part Part, int First, int Count)>();
        long rows = 0, builtRows = 0;
        for (int j = 0; j < ids.Length; j++)
        {
            var (part, found) = from[j] >= 0 ? (before, earlier) : (built, now);
            if (found is null || !found.TryGetValue(ids[j], out var run)) continue;   // an article without rows
            pieces.Add((part!, run.First, run.Count));
            rows += run.Count;
            if (from[j] < 0) builtRows += run.Count;
        }
        if (built is not null && builtRows != built.Rows) return null;
        var values = new Array[before.Values.Length];
        for (int c = 0; c < values.Length; c++)
        {
            var column = Array.CreateInstance(before.Values[c].GetType().GetElementType()!, rows);
            long at = 0;
            foreach (var (part, first, count) in pieces)
            {
                Array.Copy(part.Values[c], first, column, at, count);
                at += count;
            }
            values[c] = column;
        }
        return new Part(before.Names, before.Kinds, values, rows, keys);
    }

    // Each article id's rows (first row, count); null when the part has no ArticleId column, a row has none, or an
    // article's rows are not together.
    private static Dictionary<string, (int First, int Count)>? RowsOf(Part part)
    {
        int column = Array.IndexOf(part.Names, "ArticleId");
        if (column < 0 || part.Values[column] is not string?[] ids) return null;
        var rows = new Dictionary<string, (int First, int Count)>(StringComparer.Ordinal);
        for (int r = 0; r < ids.Length;)
        {
            if (ids[r] is not { } id) return null;
            int first = r;
            while (r < ids.Length && string.Equals(ids[r], id, StringComparison.Ordinal)) r++;
            if (!rows.TryAdd(id, (first, r - first))) return null;
        }
        return rows;
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> have the same columns (names and classes, in order).</summary>
    public static bool SameSchema(Part a, Part b) => a.Names.AsSpan().SequenceEqual(b.Names) && a.Kinds.AsSpan().SequenceEqual(b.Kinds);

    /// <summary>The segment's bytes: format, the per-article result keys its rows were built from, then the columns.</summary>
    public static byte[] Encode(Part part)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            CorpusCache.Str(w, Format);
            w.Write(part.Keys.Length);
            foreach (var key in part.Keys) CorpusCache.Str(w, key);
            w.Write(part.Names.Length);
            w.Write(part.Rows);
            for (int c = 0; c < part.Names.Length; c++)
            {
                CorpusCache.Str(w, part.Names[c]);
                w.Write((byte)part.Kinds[c]);
                switch (part.Values[c])
                {
                    case string?[] strings: foreach (var s in strings) CorpusCache.Str(w, s); break;
                    case int?[] v: Write(w, v); break;
                    case long?[] v: Write(w, v); break;
                    case double?[] v: Write(w, v); break;
                    case float?[] v: Write(w, v); break;
                    case bool?[] v: Write(w, v); break;
                    case DateTime?[] v:
                        // A byte per row (0: none, else 1 + the kind), then the ticks (ToBinary would move a local time through the time zone).
                        w.Write(Array.ConvertAll(v, d => d is { } t ? (byte)(1 + (int)t.Kind) : (byte)0));
                        foreach (var d in v) if (d is { } t) w.Write(t.Ticks);
                        break;
                }
            }
        }
        return buffer.ToArray();
    }

    // A byte per row (1: a value), then the values of the rows that have one, as raw bytes.
    private static void Write<T>(BinaryWriter w, T?[] values) where T : unmanaged
    {
        var present = new byte[values.Length];
        var raw = new List<T>(values.Length);
        for (int r = 0; r < values.Length; r++)
            if (values[r] is { } v) { present[r] = 1; raw.Add(v); }
        w.Write(present);
        w.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(raw)));
    }

    /// <summary>The part <paramref name="bytes"/> hold, or null when they are not a whole segment of this format.</summary>
    public static Part? Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var r = new CorpusCache.EntryReader(bytes);
            if (r.Str() != Format) return null;
            var keys = new string[r.Len()];
            for (int i = 0; i < keys.Length; i++) keys[i] = r.Req();
            int n = r.Len();
            long rows = r.Int64();
            if (rows < 0 || rows > bytes.Length) return null;
            var names = new string[n];
            var kinds = new int[n];
            var values = new Array[n];
            for (int c = 0; c < n; c++)
            {
                names[c] = r.Req();
                kinds[c] = r.Byte();
                values[c] = kinds[c] switch
                {
                    0 => ReadStrings(ref r, (int)rows),
                    1 => Read<int>(ref r, (int)rows),
                    2 => Read<long>(ref r, (int)rows),
                    3 => Read<double>(ref r, (int)rows),
                    4 => Read<float>(ref r, (int)rows),
                    5 => Read<bool>(ref r, (int)rows),
                    6 => ReadDates(ref r, (int)rows),
                    _ => throw new FormatException("bad column kind"),
                };
            }
            return r.AtEnd ? new Part(names, kinds, values, rows, keys) : null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return null;   // not a segment this code wrote whole: the rows are built again
        }
    }

    private static DateTime?[] ReadDates(ref CorpusCache.EntryReader r, int rows)
    {
        var kinds = r.Bytes(rows).ToArray();
        var values = new DateTime?[rows];
        for (int i = 0; i < rows; i++)
            if (kinds[i] != 0) values[i] = kinds[i] <= 3 ? new DateTime(r.Int64(), (DateTimeKind)(kinds[i] - 1)) : throw new FormatException("bad date kind");
        return values;
    }

    // A value equal to the row before's (an article's id, title and source on each of its sentences) is that string again.
    private static string?[] ReadStrings(ref CorpusCache.EntryReader r, int rows)
    {
        var values = new string?[rows];
        ReadOnlySpan<byte> previous = [];
        byte previousMarker = 255;
        for (int i = 0; i < rows; i++)
        {
            var bytes = r.StrBytes(out var marker);
            if (marker == previousMarker && bytes.SequenceEqual(previous)) { values[i] = values[i - 1]; continue; }
            values[i] = marker switch
            {
                0 => null,
                1 => bytes.Length == 0 ? "" : Encoding.UTF8.GetString(bytes),
                _ => new string(MemoryMarshal.Cast<byte, char>(bytes)),
            };
            previous = bytes;
            previousMarker = marker;
        }
        return values;
    }

    private static T?[] Read<T>(ref CorpusCache.EntryReader r, int rows) where T : unmanaged
    {
        var present = r.Bytes(rows);
        int count = 0;
        foreach (var p in present) count += p switch { 0 => 0, 1 => 1, _ => throw new FormatException("bad presence byte") };
        var raw = MemoryMarshal.Cast<byte, T>(r.Bytes(checked(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>())));
        var values = new T?[rows];
        for (int i = 0, k = 0; i < rows; i++) if (present[i] == 1) values[i] = raw[k++];
        return values;
    }
}
