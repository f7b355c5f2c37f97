using System.Globalization;
using CsvHelper;

namespace NewsAnalysis;

/// <summary>
/// The BBC News classification set (../shared/eval/bbc/bbc-news.csv: <c>text,category</c>), as article records
/// with <c>category</c> kept as an extra field. Shared by tests and benchmarks (linked into both projects).
/// </summary>
internal static class BbcSet
{
    /// <summary>Reads the CSV at <paramref name="path"/>; ids are <c>bbc-0000</c> by row.</summary>
    public static List<ArticleRecord> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var records = new List<ArticleRecord>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var id = $"bbc-{records.Count:D4}";
            records.Add(new ArticleRecord(id, $"{path}#row {records.Count + 1}", csv.GetField("text") ?? "")
            {
                Extra = new Dictionary<string, string?> { ["category"] = csv.GetField("category") },
            });
        }
        return records;
    }
}
