namespace NewsAnalysis;

/// <summary>
/// Agreement between two labellings of the same items (e.g. topics against a known category): normalised mutual
/// information and the adjusted Rand index. Written by hand because ML.NET's clustering metrics need its key-typed
/// label columns and report NMI only.
/// </summary>
public static class TopicAgreement
{
    /// <summary>
    /// Normalised mutual information, I(A;B) / ((H(A) + H(B)) / 2) (the arithmetic-mean normalisation, as in
    /// scikit-learn's default): 1 for identical partitions (up to renaming), 0 for independent ones.
    /// Two trivial partitions (one group each) score 1.
    /// </summary>
    /// <typeparam name="TA">Type of the first labels.</typeparam>
    /// <typeparam name="TB">Type of the second labels.</typeparam>
    /// <param name="a">One label per item.</param>
    /// <param name="b">One label per item, same order.</param>
    public static double NormalizedMutualInformation<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b) where TA : notnull where TB : notnull
    {
        var (table, rows, cols, n) = Contingency(a, b);
        double ha = Entropy(rows, n), hb = Entropy(cols, n);
        if (ha == 0 && hb == 0) return 1;
        double mi = 0;
        foreach (var ((i, j), nij) in table)
            mi += (double)nij / n * Math.Log((double)n * nij / ((double)rows[i] * cols[j]));
        double denominator = (ha + hb) / 2;
        return denominator == 0 ? 0 : Math.Clamp(mi / denominator, 0, 1);
    }

    /// <summary>
    /// Adjusted Rand index (Hubert and Arabie 1985): the share of item pairs both labellings treat alike, corrected
    /// for chance; 1 for identical partitions, about 0 for random ones, negative when worse than chance.
    /// </summary>
    /// <typeparam name="TA">Type of the first labels.</typeparam>
    /// <typeparam name="TB">Type of the second labels.</typeparam>
    /// <param name="a">One label per item.</param>
    /// <param name="b">One label per item, same order.</param>
    public static double AdjustedRandIndex<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b) where TA : notnull where TB : notnull
    {
        var (table, rows, cols, n) = Contingency(a, b);
        static double Pairs(long x) => x * (x - 1) / 2.0;
        double index = table.Values.Sum(v => Pairs(v));
        double sumRows = rows.Sum(r => Pairs(r)), sumCols = cols.Sum(c => Pairs(c));
        double expected = sumRows * sumCols / Pairs(n);
        double max = (sumRows + sumCols) / 2;
        if (max == expected) return 1;
        return (index - expected) / (max - expected);
    }

    private static (Dictionary<(int, int), long> Table, long[] Rows, long[] Cols, long N) Contingency<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b) where TA : notnull where TB : notnull
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"The labellings differ in length ({a.Count} and {b.Count}).", nameof(b));
        if (a.Count == 0) throw new ArgumentException("The labellings are empty.", nameof(a));
        var ia = Index(a);
        var ib = Index(b);
        var table = new Dictionary<(int, int), long>();
        var rows = new long[ia.Max() + 1];
        var cols = new long[ib.Max() + 1];
        for (int i = 0; i < a.Count; i++)
        {
            table[(ia[i], ib[i])] = table.GetValueOrDefault((ia[i], ib[i])) + 1;
            rows[ia[i]]++;
            cols[ib[i]]++;
        }
        return (table, rows, cols, a.Count);
    }

    private static int[] Index<T>(IReadOnlyList<T> labels) where T : notnull
    {
        var ids = new Dictionary<T, int>();
        return labels.Select(l => ids.TryGetValue(l, out var id) ? id : ids[l] = ids.Count).ToArray();
    }

    private static double Entropy(long[] counts, long n) =>
        -counts.Where(c => c > 0).Sum(c => (double)c / n * Math.Log((double)c / n));
}
