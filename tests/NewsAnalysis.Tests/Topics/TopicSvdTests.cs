using MathNet.Numerics.LinearAlgebra.Double;
using Microsoft.ML.Data;

namespace NewsAnalysis.Tests;

/// <summary>The truncated SVD of sparse rows agrees with a full SVD, and is repeatable.</summary>
public class TopicSvdTests
{
    private static List<VBuffer<float>> RandomSparseRows(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ =>
        {
            var indices = Enumerable.Range(0, columns).Where(_ => random.NextDouble() < 0.2).ToArray();
            var values = indices.Select(_ => (float)random.NextDouble()).ToArray();
            return new VBuffer<float>(columns, indices.Length, values, indices);
        }).ToList();
    }

    [Fact]
    public void Projected_rows_keep_the_norms_of_a_full_svd_on_the_leading_components()
    {
        var rows = RandomSparseRows(60, 40, 3);
        var dense = DenseMatrix.Create(60, 40, (i, j) => rows[i].GetItemOrDefault(j));
        var svd = dense.Svd(computeVectors: true);
        var exact = dense * svd.VT.Transpose().SubMatrix(0, 40, 0, 5); // U·Σ on the first five components
        var projected = TopicSvd.Project(rows, 5, seed: 1);
        for (int c = 0; c < 5; c++)
        {
            double norm = Math.Sqrt(projected.Sum(r => (double)r[c] * r[c]));
            Assert.Equal(svd.S[c], norm, 3);                               // the column's length is the singular value
            double dot = Enumerable.Range(0, 60).Sum(i => projected[i][c] * exact[i, c]);
            Assert.Equal(1.0, Math.Abs(dot) / (norm * exact.Column(c).L2Norm()), 3); // same direction, up to sign
        }
        Assert.Equal(projected.Select(r => r.ToArray()), TopicSvd.Project(rows, 5, seed: 1).Select(r => r.ToArray()));
    }
}
