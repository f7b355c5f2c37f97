using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using Microsoft.ML.Data;

namespace NewsAnalysis;

/// <summary>
/// Truncated SVD of sparse unit vectors (latent semantic analysis), as scikit-learn's <c>TruncatedSVD</c> computes it:
/// randomized range finding with power iterations (Halko, Martinsson and Tropp 2011, algorithm 4.3 with a QR after
/// each pass), no centring (so sparse rows stay sparse and the components are those of the term space itself).
/// </summary>
/// <remarks>
/// ML.NET's PCA was used before: it makes one pass without power iterations, so at 100 components the subspace is
/// rough (NMI on BBC 0.895 against 0.901 with 7.5 times its oversampling), and it works on dense rows of every term, so
/// its time grows with the vocabulary (17 s of a 30 s fit on BBC at rank 100 on a loaded machine). The sparse
/// products here are hand-written (no package on the mirror multiplies ML.NET's sparse vectors); QR and the small
/// eigen-decomposition come from MathNet.Numerics.
/// </remarks>
internal static class TopicSvd
{
    /// <summary>Columns beyond the rank in the random sketch (scikit-learn's default).</summary>
    public const int Oversampling = 10;

    /// <summary>Power iterations (scikit-learn's default for TruncatedSVD).</summary>
    public const int PowerIterations = 5;

    /// <summary>
    /// The rows of <paramref name="rows"/> projected on the first <paramref name="rank"/> singular vectors (U·Σ, largest
    /// singular value first), seeded: the same result for the same seed.
    /// </summary>
    public static float[][] Project(IReadOnlyList<VBuffer<float>> rows, int rank, int seed)
    {
        int m = rows.Count, n = rows[0].Length;
        int l = Math.Min(rank + Oversampling, Math.Min(m, n));
        rank = Math.Min(rank, l);
        var random = new Random(seed);
        var omega = new double[n * l];
        for (int i = 0; i < omega.Length; i++) omega[i] = Gaussian(random);
        // Q: an orthonormal basis of the range of A·Ω, refined by passes of A·Aᵀ.
        var q = Orthonormal(Times(rows, omega, l), m, l);
        for (int pass = 0; pass < PowerIterations; pass++)
            q = Orthonormal(Times(rows, TransposeTimes(rows, q, n, l), l), m, l);
        // Qᵀ·A·Aᵀ·Q = Ũ·Σ²·Ũᵀ, so A's rows in the singular basis are Q·Ũ·Σ.
        var w = Times(rows, TransposeTimes(rows, q, n, l), l);
        var gram = new double[l, l];
        for (int a = 0; a < l; a++)
            for (int b = a; b < l; b++)
            {
                double sum = 0;
                for (int i = 0; i < m; i++) sum += q[i * l + a] * w[i * l + b];
                gram[a, b] = sum;
            }
        for (int a = 0; a < l; a++)
            for (int b = 0; b < a; b++) gram[a, b] = gram[b, a]; // symmetric up to rounding: take the upper half
        var evd = DenseMatrix.OfArray(gram).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, l).OrderByDescending(j => evd.EigenValues[j].Real).ThenBy(j => j).Take(rank).ToArray();
        var result = new float[m][];
        for (int i = 0; i < m; i++)
        {
            var row = new float[rank];
            for (int c = 0; c < rank; c++)
            {
                int j = order[c];
                double sigma = Math.Sqrt(Math.Max(0, evd.EigenValues[j].Real));
                double sum = 0;
                for (int a = 0; a < l; a++) sum += q[i * l + a] * evd.EigenVectors[a, j];
                row[c] = (float)(sum * sigma);
            }
            result[i] = row;
        }
        return result;
    }

    /// <summary>
    /// The first two principal components of <paramref name="points"/> (centred), for the 2-D map: the SVD's own first
    /// component is close to the corpus's mean direction, which would squeeze every unit onto one fan.
    /// </summary>
    public static (double X, double Y)[] Map(float[][] points) =>
        PrincipalComponents(points, 2).Select(p => ((double)p[0], (double)p[1])).ToArray();

    /// <summary>
    /// <paramref name="points"/> centred and projected on their first <paramref name="count"/> principal components
    /// (eigenvectors of the covariance, largest first; MathNet.Numerics), for dense vectors of modest dimension.
    /// </summary>
    public static float[][] PrincipalComponents(float[][] points, int count)
    {
        int m = points.Length, d = points[0].Length;
        count = Math.Min(count, d);
        var mean = new double[d];
        foreach (var p in points) for (int j = 0; j < d; j++) mean[j] += p[j] / (double)m;
        var covariance = new double[d, d];
        var centred = new double[d];
        foreach (var p in points)
        {
            for (int j = 0; j < d; j++) centred[j] = p[j] - mean[j];
            for (int a = 0; a < d; a++)
            {
                double pa = centred[a];
                if (pa == 0) continue;
                for (int b = a; b < d; b++) covariance[a, b] += pa * centred[b];
            }
        }
        for (int a = 0; a < d; a++)
            for (int b = 0; b < a; b++) covariance[a, b] = covariance[b, a];
        var evd = DenseMatrix.OfArray(covariance).Evd(Symmetricity.Symmetric);
        var top = Enumerable.Range(0, d).OrderByDescending(j => evd.EigenValues[j].Real).ThenBy(j => j).Take(count).ToArray();
        var vectors = top.Select(j => Enumerable.Range(0, d).Select(i => evd.EigenVectors[i, j]).ToArray()).ToArray();
        return points.Select(p =>
        {
            var row = new float[count];
            for (int c = 0; c < count; c++)
            {
                double sum = 0;
                for (int j = 0; j < d; j++) sum += (p[j] - mean[j]) * vectors[c][j];
                row[c] = (float)sum;
            }
            return row;
        }).ToArray();
    }

    /// <summary>A·X for sparse rows A (m × n) and a dense row-major X (n × l): m × l, row-major.</summary>
    private static double[] Times(IReadOnlyList<VBuffer<float>> rows, double[] x, int l)
    {
        var result = new double[rows.Count * l];
        for (int i = 0; i < rows.Count; i++)
        {
            var target = result.AsSpan(i * l, l);
            foreach (var (j, v) in rows[i].Items())
                if (v != 0) TensorPrimitives.MultiplyAdd(x.AsSpan(j * l, l), v, target, target);
        }
        return result;
    }

    /// <summary>Aᵀ·Y for sparse rows A (m × n) and a dense row-major Y (m × l): n × l, row-major.</summary>
    private static double[] TransposeTimes(IReadOnlyList<VBuffer<float>> rows, double[] y, int n, int l)
    {
        var result = new double[n * l];
        for (int i = 0; i < rows.Count; i++)
        {
            var source = y.AsSpan(i * l, l);
            foreach (var (j, v) in rows[i].Items())
                if (v != 0) TensorPrimitives.MultiplyAdd(source, v, result.AsSpan(j * l, l), result.AsSpan(j * l, l));
        }
        return result;
    }

    /// <summary>An orthonormal basis (thin QR's Q, row-major m × l) of the columns of <paramref name="y"/>.</summary>
    private static double[] Orthonormal(double[] y, int m, int l)
    {
        var matrix = DenseMatrix.Create(m, l, (i, j) => y[i * l + j]);
        var q = matrix.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;
        var result = new double[m * l];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < l; j++) result[i * l + j] = q[i, j];
        return result;
    }

    // Box–Muller: a standard normal draw from the seeded generator (System.Random has none).
    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
