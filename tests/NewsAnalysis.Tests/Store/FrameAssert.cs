using Microsoft.Data.Analysis;
using Xunit;

namespace NewsAnalysis.Tests;

/// <summary>Cell-by-cell comparison of two DataFrames (names, types, row count, every value; doubles exactly).</summary>
internal static class FrameAssert
{
    public static void Equal(DataFrame expected, DataFrame actual, string what)
    {
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.DataType, c.GetType())), actual.Columns.Select(c => (c.Name, c.DataType, c.GetType())));
        Assert.True(expected.Rows.Count == actual.Rows.Count, $"{what}: {expected.Rows.Count} rows expected, {actual.Rows.Count} found");
        foreach (var column in expected.Columns)
        {
            var other = actual.Columns[column.Name];
            for (long r = 0; r < column.Length; r++)
                if (!Equals(column[r], other[r]) || (column[r] is DateTime d && d.Kind != ((DateTime)other[r]).Kind)
                    || (column[r] is double x && BitConverter.DoubleToInt64Bits(x) != BitConverter.DoubleToInt64Bits((double)other[r])))
                    Assert.Fail($"{what}: column {column.Name}, row {r}: expected '{column[r]}', found '{other[r]}'");
        }
    }
}
