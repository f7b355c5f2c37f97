using System.Globalization;

namespace NewsAnalysis;

/// <summary>
/// Where an article came from, as <see cref="Article.Path"/> and <see cref="ArticleRecord.Path"/> give it: a file, or
/// a row of a collection (<c>file#row 12</c>, <c>#line</c>, <c>#item</c>) kept as the file's one string, a label and
/// a number, and spelled out when read: a million rows of one CSV held a million copies of its path (~95 MB).
/// Equality is that of the spelled-out path.
/// </summary>
internal readonly struct RowPath : IEquatable<RowPath>
{
    private readonly string file;
    private readonly string? label;
    private readonly int number;

    /// <summary>Row <paramref name="number"/> of <paramref name="file"/>, spelled <c>file + label + number</c>.</summary>
    public RowPath(string file, string label, int number) => (this.file, this.label, this.number) = (file, label, number);

    /// <summary>A path that is the given string (a file, or any path a caller built).</summary>
    public RowPath(string path) => file = path;

    /// <summary>The file (for a row) or the whole path.</summary>
    public string File => file;

    /// <summary>The row's label (<c>#row </c>, <c>#line </c>, <c>#item </c>), or null for a path that is one string.</summary>
    public string? Label => label;

    /// <summary>The row's number (0 for a path that is one string).</summary>
    public int Number => number;

    /// <summary>The path as users see it.</summary>
    public override string ToString() => label is null ? file : string.Concat(file, label, number.ToString(CultureInfo.InvariantCulture));

    public bool Equals(RowPath other) =>
        ReferenceEquals(label, other.label) || (label is null && other.label is null)
            ? number == other.number && string.Equals(file, other.file, StringComparison.Ordinal)
            : string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is RowPath other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
