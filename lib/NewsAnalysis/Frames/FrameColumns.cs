using System.Globalization;
using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>Reads DataFrame columns by name for the charts (timeline, sentiment) and joins, with an error naming a missing column and the columns present.</summary>
internal static class FrameColumns
{
    public static bool Has(DataFrame frame, string column) => frame.Columns.IndexOf(column) >= 0;

    public static string IdColumn(DataFrame frame) => Has(frame, "ArticleId") ? "ArticleId" : "Id";

    public static DataFrameColumn Column(DataFrame frame, string name) =>
        Has(frame, name) ? frame.Columns[name]
            : throw new ArgumentException($"The frame has no '{name}' column (it has: {string.Join(", ", frame.Columns.Select(c => c.Name))}).", nameof(frame));

    public static List<string?> Strings(DataFrame frame, string name) =>
        Read<string?>(frame, name, (v, _) => Convert.ToString(v, CultureInfo.InvariantCulture));

    public static List<DateTime?> Dates(DataFrame frame, string name) =>
        Read<DateTime?>(frame, name, (v, row) => v switch
        {
            DateTime d => d.Date,
            string s when s.Length == 0 => null,
            string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d.Date,
            _ => throw new ArgumentException($"Column '{name}' row {row}: '{v}' is not a date.", nameof(frame)),
        });

    public static List<int?> Ints(DataFrame frame, string name) =>
        Read<int?>(frame, name, (v, _) => Convert.ToInt32(v, CultureInfo.InvariantCulture));

    public static List<double?> Doubles(DataFrame frame, string name) =>
        Read<double?>(frame, name, (v, _) => Convert.ToDouble(v, CultureInfo.InvariantCulture) is var d && double.IsFinite(d) ? d : null);

    // Every value of a column, converted; null cells stay null (default).
    private static List<T> Read<T>(DataFrame frame, string name, Func<object, long, T> convert)
    {
        var column = Column(frame, name);
        var values = new List<T>((int)column.Length);
        for (long i = 0; i < column.Length; i++) values.Add(column[i] is { } v ? convert(v, i) : default!);
        return values;
    }

    // The publication date of each row: from the frame's own Published column, or looked up by ArticleId in the article frame.
    public static List<DateTime?> PublishedOf(DataFrame frame, DataFrame? articles, List<string?> ids)
    {
        if (Has(frame, "Published")) return Dates(frame, "Published");
        if (articles is null)
            throw new ArgumentException("The frame has no 'Published' column; pass the article frame (ArticleId or Id, Published) as well.", nameof(articles));
        var articleIds = Strings(articles, IdColumn(articles));
        var published = Dates(articles, "Published");
        var byId = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        for (int i = 0; i < articleIds.Count; i++) if (articleIds[i] is { } id) byId[id] = published[i];
        return ids.Select(id => id is not null && byId.TryGetValue(id, out var d) ? d : null).ToList();
    }
}
