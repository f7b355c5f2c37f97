using MathNet.Numerics.LinearAlgebra.Double;
using Microsoft.ML.Data;

namespace NewsAnalysis.Tests;

/// <summary>The truncated SVD of sparse rows agrees with a full SVD, and is repeatable.</summary>
public class TopicSvdTests
{
    // Rows drawn around six "topics" (each favours its own sixth of the columns), so the leading singular values stand
    // apart as they do on TF-IDF vectors: with a flat spectrum no truncated method pins the fifth one to 3 decimals.
    private static List<VBuffer<float>> RandomSparseRows(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(r =>
        {
            int topic = r % 6;
            var indices = Enumerable.Range(0, columns).Where(j => random.NextDouble() < (j * 6 / columns == topic ? 0.6 : 0.1)).ToArray();
            var values = indices.Select(j => (float)(random.NextDouble() * (j * 6 / columns == topic ? 2 : 1))).ToArray();
            return new VBuffer<float>(columns, indices.Length, values, indices);
        }).ToList();
    }

    // More units than terms (the basis is kept on the terms' side), fewer (on the units' side), and enough units for
    // the products to be split over the cores.
    [Theory]
    [InlineData(60, 40)]
    [InlineData(40, 60)]
    [InlineData(1200, 30)]
    public void Projected_rows_keep_the_norms_of_a_full_svd_on_the_leading_components(int units, int terms)
    {
        var rows = RandomSparseRows(units, terms, 3);
        var dense = DenseMatrix.Create(units, terms, (i, j) => rows[i].GetItemOrDefault(j));
        var svd = dense.Svd(computeVectors: true);
        var exact = dense * svd.VT.Transpose().SubMatrix(0, terms, 0, 5); // U·Σ on the first five components
        var projected = TopicSvd.Project(rows, 5, seed: 1);
        for (int c = 0; c < 5; c++)
        {
            double norm = Math.Sqrt(projected.Sum(r => (double)r[c] * r[c]));
            Assert.Equal(svd.S[c], norm, 3);                               // the column's length is the singular value
            double dot = Enumerable.Range(0, units).Sum(i => projected[i][c] * exact[i, c]);
            Assert.Equal(1.0, Math.Abs(dot) / (norm * exact.Column(c).L2Norm()), 3); // same direction, up to sign
        }
        Assert.Equal(projected.Select(r => r.ToArray()), TopicSvd.Project(rows, 5, seed: 1).Select(r => r.ToArray()));
    }
}
