using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace NewsAnalysis;

/// <summary>
/// Writes DataFrames as Parquet files through DuckDB's writer (the store's engine, so no second Parquet library):
/// text columns become <c>VARCHAR</c>, 32-bit integers <c>INTEGER</c>, doubles <c>DOUBLE</c>, dates <c>TIMESTAMP</c>,
/// other columns their CSV text. Missing values stay nulls. Read them with DuckDB, pandas, Polars or Spark.
/// </summary>
public static class FrameParquet
{
    /// <summary>The SQL type a column is written as.</summary>
    public static string SqlType(DataFrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var t = column.DataType;
        return t == typeof(int) ? "INTEGER" : t == typeof(long) ? "BIGINT" : t == typeof(double) ? "DOUBLE" : t == typeof(float) ? "FLOAT"
            : t == typeof(bool) ? "BOOLEAN" : t == typeof(DateTime) ? "TIMESTAMP" : "VARCHAR";
    }

    /// <summary>
    /// Writes <paramref name="frame"/> to <paramref name="path"/> (zstd-compressed Parquet), whole or not at all: it is
    /// written beside the target and moved over it when complete.
    /// </summary>
    /// <exception cref="IOException">When the file cannot be written.</exception>
    public static void Write(DataFrame frame, string path)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var connection = new DuckDBConnection("Data Source=:memory:"))
            {
                connection.Open();
                var columns = frame.Columns.ToList();
                using (var create = connection.CreateCommand())
                {
                    create.CommandText = "CREATE TABLE frame (" + string.Join(", ", columns.Select(c => Quote(c.Name) + " " + SqlType(c))) + ")";
                    create.ExecuteNonQuery();
                }
                using (var appender = connection.CreateAppender("frame"))
                {
                    for (long r = 0; r < frame.Rows.Count; r++)
                    {
                        var row = appender.CreateRow();
                        foreach (var c in columns) Append(row, c, c[r]);
                        row.EndRow();
                    }
                }
                using var copy = connection.CreateCommand();
                copy.CommandText = $"COPY frame TO '{temp.Replace("'", "''")}' (FORMAT parquet, COMPRESSION zstd)";
                copy.ExecuteNonQuery();
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (DuckDBException e)
        {
            throw new IOException($"cannot write '{full}': {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static void Append(IDuckDBAppenderRow row, DataFrameColumn column, object? value)
    {
        if (value is null) { row.AppendNullValue(); return; }
        switch (value)
        {
            case int i: row.AppendValue(i); break;
            case long l: row.AppendValue(l); break;
            case double d: row.AppendValue(d); break;
            case float f: row.AppendValue(f); break;
            case bool b: row.AppendValue(b); break;
            case DateTime t: row.AppendValue(t); break;
            default: row.AppendValue(column.DataType == typeof(string) ? (string)value : FrameWriter.FormatCell(value)); break;
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
