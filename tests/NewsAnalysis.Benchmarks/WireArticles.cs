using System.Globalization;
using System.Text;
using CsvHelper;

namespace NewsAnalysis.Benchmarks;

/// <summary>
/// Short wire-style articles made at run time from the BBC set's sentences (the store, output and sweep suites):
/// article i is "Item i. " and 1-3 sentences picked by a fixed rule (i * 7919 + j * 104729), a date in 2005 and the id
/// <c>wNNNNNNN</c>, so every suite and run gets the same texts.
/// </summary>
internal static class WireArticles
{
    /// <summary>The BBC set's sentences of 41-299 characters, each ending with a full stop.</summary>
    public static List<string> Sentences() =>
        BbcSet.Read(BenchData.BbcCsv)
            .SelectMany(r => r.Text.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length is > 40 and < 300 && !s.Contains('\n'))
            .Select(s => s.TrimEnd('.') + ".")
            .ToList();

    /// <summary>The sentence an edited article's text ends with (<see cref="Write"/>'s <c>edited</c>).</summary>
    public const string Edit = " Officials confirmed the figures on Tuesday.";

    /// <summary>
    /// Articles <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 as a CSV file
    /// (<c>id,date,text</c>); an article <paramref name="edited"/> picks has <see cref="Edit"/> added to its text.
    /// </summary>
    public static void Write(string path, List<string> sentences, int first, int count, Func<int, bool>? edited = null)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("id"); csv.WriteField("date"); csv.WriteField("text"); csv.NextRecord();
        for (int i = first; i < first + count; i++)
        {
            var text = string.Join(" ", Enumerable.Range(0, 1 + i % 3).Select(j => sentences[(int)(((long)i * 7919 + j * 104729) % sentences.Count)]));
            csv.WriteField($"w{i:D7}");
            csv.WriteField(new DateTime(2005, 1, 1).AddDays(i % 365).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField($"Item {i}. {text}" + (edited?.Invoke(i) == true ? Edit : ""));
            csv.NextRecord();
        }
    }

    /// <summary><paramref name="count"/> articles in <paramref name="files"/> CSV files <c>wire-00.csv</c>, ... of <paramref name="folder"/>.</summary>
    public static void WriteFiles(string folder, int count, int files = 10)
    {
        var sentences = Sentences();
        for (int f = 0; f < files; f++) Write(Path.Combine(folder, $"wire-{f:D2}.csv"), sentences, f * (count / files), count / files);
    }
}
