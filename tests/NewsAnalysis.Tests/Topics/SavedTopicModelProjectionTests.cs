using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.ML.Data;

namespace NewsAnalysis.Tests;

/// <summary>
/// The saved model's projection W and the sparse products it is computed with give, bit for bit, what the plain
/// algorithm gives: scattering each unit's row into a new terms × rank step per pass, as it was first written. Equal
/// bits mean a saved model, and every unit assigned to it, did not change when the products were made faster.
/// </summary>
public class SavedTopicModelProjectionTests
{
    private static List<VBuffer<float>> SparseRows(int rows, int columns, Random random) =>
        Enumerable.Range(0, rows).Select(_ =>
        {
            var indices = Enumerable.Range(0, columns).Where(_ => random.NextDouble() < 0.08).ToArray();
            // Some stored zeros too: the products skip them, as the scatter did.
            var values = indices.Select(_ => random.NextDouble() < 0.05 ? 0f : (float)random.NextDouble()).ToArray();
            return new VBuffer<float>(columns, indices.Length, values, indices);
        }).ToList();

    private static bool SameBits(float[] a, float[] b) => MemoryMarshal.AsBytes(a.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(b.AsSpan()));

    // Enough units (700) for the products to be split over the cores; weights other than 1 as for grouped copies.
    [Theory]
    [InlineData(700, 300, 20, 1)]
    [InlineData(40, 500, 12, 2)]
    public void Projection_equals_the_scattered_refinement_bit_for_bit(int units, int terms, int rank, int seed)
    {
        var random = new Random(seed);
        var rows = SparseRows(units, terms, random);
        // Points near A·V (as the SVD's coordinates are), so the refinement passes do shrink the residual.
        var v = Enumerable.Range(0, terms * rank).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var points = rows.Select(row =>
        {
            var p = Enumerable.Range(0, rank).Select(_ => (float)((random.NextDouble() - 0.5) * 0.01)).ToArray();
            foreach (var (t, a) in row.Items()) TensorPrimitives.MultiplyAdd(v.AsSpan(t * rank, rank), a, p, p);
            return p;
        }).ToArray();
        var weights = Enumerable.Range(0, units).Select(i => i % 7 == 0 ? 3.0 : 1.0).ToArray();

        var expected = ScatteredProjection(rows, points, weights, terms, rank);
        var actual = SavedTopicModel.Projection(rows, points, weights, terms, rank);
        Assert.True(SameBits(expected, actual), "the projection differs from the scattered refinement's");
        Assert.Contains(actual, x => x != 0);
    }

    [Fact]
    public void Sparse_products_into_a_used_buffer_and_with_an_addend_give_the_bits_of_a_fresh_product()
    {
        var random = new Random(5);
        var rows = SparseRows(900, 120, random);
        var a = TopicSvd.SparseMatrix.FromRows(rows, null, 120);
        int l = 17;
        var x = Enumerable.Range(0, 120 * l).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var fresh = a.Times(x, l);
        var used = Enumerable.Repeat(123f, 900 * l).ToArray();
        Assert.True(SameBits(fresh, a.Times(x, l, used)));
        var addend = Enumerable.Range(0, 900 * l).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var sum = new float[900 * l];
        TensorPrimitives.Add(addend, fresh, sum);
        var into = Enumerable.Repeat(-7f, 900 * l).ToArray();
        a.TimesAdd(x, l, addend, into);
        Assert.True(SameBits(sum, into));
    }

    // The projection as first written (SavedTopicModel before the sparse products): per pass a new step, each unit's
    // scaled residual scattered into the rows of its terms, W += step, the residual from each unit's own A·W, and a
    // copy of the best W.
    private static float[] ScatteredProjection(List<VBuffer<float>> rows, float[][] points, double[] weights, int termCount, int rank)
    {
        var sigma2 = new double[rank];
        for (int j = 0; j < points.Length; j++) for (int c = 0; c < rank; c++) sigma2[c] += weights[j] * points[j][c] * points[j][c];
        var inverse = sigma2.Select(s => s > 0 ? (float)(1 / s) : 0f).ToArray();
        var w = new float[termCount * rank];
        var residual = points.Select(p => (float[])p.Clone()).ToArray();
        float[]? best = null;
        double bestResidual = double.MaxValue;
        for (int pass = 0; pass <= SavedTopicModel.MaxRefinements; pass++)
        {
            var step = new float[termCount * rank];
            var scaled = new float[rank];
            for (int j = 0; j < rows.Count; j++)
            {
                TensorPrimitives.Multiply(residual[j], inverse, scaled);
                TensorPrimitives.Multiply(scaled, (float)weights[j], scaled);
                foreach (var (t, a) in rows[j].Items())
                    if (a != 0) TensorPrimitives.MultiplyAdd(scaled, a, step.AsSpan(t * rank, rank), step.AsSpan(t * rank, rank));
            }
            TensorPrimitives.Add(w, step, w);
            var squares = new double[rows.Count];
            for (int j = 0; j < rows.Count; j++)
            {
                var projected = new float[rank];
                foreach (var (t, a) in rows[j].Items())
                    if (a != 0) TensorPrimitives.MultiplyAdd(w.AsSpan(t * rank, rank), a, projected, projected);
                TensorPrimitives.Subtract(points[j], projected, residual[j]);
                squares[j] = weights[j] * TensorPrimitives.SumOfSquares(residual[j]);
            }
            double total = squares.Sum();
            if (total >= bestResidual) break;
            bestResidual = total;
            best = (float[])w.Clone();
        }
        return best!;
    }
}
