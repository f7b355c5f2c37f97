using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using Microsoft.ML.Data;

namespace NewsAnalysis;

/// <summary>
/// Truncated SVD of sparse unit vectors (latent semantic analysis), as scikit-learn's <c>TruncatedSVD</c> computes it:
/// randomized range finding with power iterations (Halko, Martinsson and Tropp 2011, algorithm 4.4: subspace iteration
/// with the basis re-orthonormalised after each pass), no centring (so sparse rows stay sparse and the components are
/// those of the term space itself).
/// </summary>
/// <remarks>
/// <para>
/// ML.NET's PCA was used before: it makes one pass without power iterations, so at 100 components the subspace is
/// rough (NMI on BBC 0.895 against 0.901 with 7.5 times its oversampling), and it works on dense rows of every term, so
/// its time grows with the vocabulary.
/// </para>
/// <para>
/// Written here for speed (no package on the mirror multiplies sparse by dense matrices on ML.NET's vectors): the
/// sparse matrix is held as compressed rows and compressed columns, so both A·X and Aᵀ·Y are computed one output row at
/// a time, split over the cores (each output row is summed by one thread in a fixed order: the same result on any number
/// of cores). The dense sketches are single precision. The basis is kept orthonormal on the smaller side of the matrix
/// (units or terms) by modified Gram–Schmidt applied twice, in double precision ("twice is enough"; Giraud et al. 2005),
/// instead of a Householder QR of a units × 110 matrix per pass (MathNet's managed QR of a 100,000 × 110 matrix, six
/// times, made most of the 113 CPU-seconds of a fit of 100,000 paragraphs). Only the final l × l symmetric
/// eigen-decomposition comes from MathNet.Numerics.
/// </para>
/// </remarks>
internal static class TopicSvd
{
    /// <summary>Columns beyond the rank in the random sketch (scikit-learn's default).</summary>
    public const int Oversampling = 10;

    /// <summary>Power iterations (scikit-learn's default for TruncatedSVD).</summary>
    public const int PowerIterations = 5;

    /// <summary>
    /// The rows of <paramref name="rows"/> projected on the first <paramref name="rank"/> singular vectors (U·Σ, largest
    /// singular value first), seeded: the same result for the same seed. With <paramref name="weights"/> (null for all
    /// 1), row i stands for weights[i] equal rows: it enters the decomposition scaled by √weights[i] (the same AᵀA as
    /// the repeated rows) and its coordinates are those of the row itself.
    /// </summary>
    public static float[][] Project(IReadOnlyList<VBuffer<float>> rows, int rank, int seed, double[]? weights = null)
    {
        var a = SparseMatrix.FromRows(rows, weights);
        int m = a.Rows, n = a.Columns;
        int l = Math.Min(rank + Oversampling, Math.Min(m, n));
        rank = Math.Min(rank, l);
        // Work on the side with fewer rows: S is A when there are fewer units than terms, Aᵀ otherwise; the basis Q of
        // S's range (small side × l) is what gets orthonormalised.
        var (s, st) = m <= n ? (a, a.Transpose()) : (a.Transpose(), a);
        var random = new Random(seed);
        var omega = new float[st.Rows * l];
        for (int i = 0; i < omega.Length; i++) omega[i] = (float)Gaussian(random);
        var q = Orthonormal(s.Times(omega, l), s.Rows, l);
        for (int pass = 0; pass < PowerIterations; pass++)
            q = Orthonormal(s.Times(st.Times(q, l), l), s.Rows, l);
        // B = Sᵀ·Q (large side × l). BᵀB = Ũ·Σ²·Ũᵀ gives the singular values and, in Q's coordinates, the vectors.
        var b = st.Times(q, l);
        var gram = Gram(b, st.Rows, l);
        var evd = DenseMatrix.OfArray(gram).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, l).OrderByDescending(j => evd.EigenValues[j].Real).ThenBy(j => j).Take(rank).ToArray();
        // The units' coordinates U·Σ: with S = A (fewer units), Q·Ũ·Σ; with S = Aᵀ (fewer terms), Q spans the terms and
        // A·Q = B, so B·Ũ (each singular direction's coordinates, whose length is its singular value).
        var vectors = new float[l * rank];
        for (int c = 0; c < rank; c++)
        {
            int j = order[c];
            double scale = m <= n ? Math.Sqrt(Math.Max(0, evd.EigenValues[j].Real)) : 1;
            for (int x = 0; x < l; x++) vectors[x * rank + c] = (float)(evd.EigenVectors[x, j] * scale);
        }
        var units = m <= n ? q : b;
        var result = new float[m][];
        TopicParallel.ForRanges(m, i =>
        {
            var row = new float[rank];
            var source = units.AsSpan(i * l, l);
            for (int x = 0; x < l; x++)
                if (source[x] != 0) TensorPrimitives.MultiplyAdd(vectors.AsSpan(x * rank, rank), source[x], row, row);
            if (weights is not null && weights[i] != 1) TensorPrimitives.Divide(row, (float)Math.Sqrt(weights[i]), row);
            result[i] = row;
        });
        return result;
    }

    /// <summary>
    /// The first two principal components of <paramref name="points"/> (centred), for the 2-D map: the SVD's own first
    /// component is close to the corpus's mean direction, which would squeeze every unit onto one fan.
    /// </summary>
    public static (double X, double Y)[] Map(float[][] points, double[]? weights = null) =>
        PrincipalComponents(points, 2, weights).Select(p => ((double)p[0], (double)p[1])).ToArray();

    /// <summary>
    /// <paramref name="points"/> centred and projected on their first <paramref name="count"/> principal components
    /// (eigenvectors of the covariance, largest first; MathNet.Numerics), for dense vectors of modest dimension. With
    /// <paramref name="weights"/> (null for all 1) each point counts as that many copies of itself.
    /// </summary>
    public static float[][] PrincipalComponents(float[][] points, int count, double[]? weights = null)
    {
        int m = points.Length, d = points[0].Length;
        count = Math.Min(count, d);
        var mean = new double[d];
        double total = 0;
        for (int i = 0; i < m; i++)
        {
            double w = weights?[i] ?? 1;
            total += w;
            for (int j = 0; j < d; j++) mean[j] += w * points[i][j];
        }
        for (int j = 0; j < d; j++) mean[j] /= total;
        // Covariance (upper half) by rank-one updates of whole rows: vectorised, where an element-wise loop over
        // 100,000 units × 100² was the map's main cost.
        var covariance = new double[d * d];
        var centred = new double[d];
        for (int i = 0; i < m; i++)
        {
            var p = points[i];
            double w = weights?[i] ?? 1;
            for (int j = 0; j < d; j++) centred[j] = p[j] - mean[j];
            for (int x = 0; x < d; x++)
                if (centred[x] != 0)
                    TensorPrimitives.MultiplyAdd(centred.AsSpan(x, d - x), w * centred[x], covariance.AsSpan(x * d + x, d - x), covariance.AsSpan(x * d + x, d - x));
        }
        var full = new double[d, d];
        for (int x = 0; x < d; x++)
            for (int y = x; y < d; y++) full[x, y] = full[y, x] = covariance[x * d + y];
        var evd = DenseMatrix.OfArray(full).Evd(Symmetricity.Symmetric);
        var top = Enumerable.Range(0, d).OrderByDescending(j => evd.EigenValues[j].Real).ThenBy(j => j).Take(count).ToArray();
        var vectors = top.Select(j => Enumerable.Range(0, d).Select(i => evd.EigenVectors[i, j]).ToArray()).ToArray();
        var result = new float[m][];
        TopicParallel.ForRanges(m, i =>
        {
            var p = points[i];
            var row = new float[count];
            for (int c = 0; c < count; c++)
            {
                double sum = 0;
                var vector = vectors[c];
                for (int j = 0; j < d; j++) sum += (p[j] - mean[j]) * vector[j];
                row[c] = (float)sum;
            }
            result[i] = row;
        });
        return result;
    }

    /// <summary>XᵀX (l × l, double) of a row-major p × l matrix, accumulated in double precision over the columns.</summary>
    private static double[,] Gram(float[] x, int p, int l)
    {
        var columns = ColumnMajor(x, p, l);
        var gram = new double[l, l];
        TopicParallel.ForRanges(l, a =>
        {
            for (int b = a; b < l; b++) gram[a, b] = TensorPrimitives.Dot(columns.AsSpan(a * p, p), columns.AsSpan(b * p, p));
        }, chunk: 1);
        for (int a = 0; a < l; a++)
            for (int b = 0; b < a; b++) gram[a, b] = gram[b, a];
        return gram;
    }

    private static double[] ColumnMajor(float[] x, int p, int l)
    {
        var columns = new double[p * l];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < l; j++) columns[j * p + i] = x[i * l + j];
        return columns;
    }

    /// <summary>
    /// An orthonormal basis (row-major p × l) of the columns of <paramref name="y"/>: modified Gram–Schmidt twice, in
    /// double precision. A column that vanishes against the ones before it (the matrix has rank below l) becomes zero
    /// and stays out of the basis.
    /// </summary>
    private static float[] Orthonormal(float[] y, int p, int l)
    {
        var columns = ColumnMajor(y, p, l);
        var norms = new double[l];
        for (int j = 0; j < l; j++) norms[j] = TensorPrimitives.Norm(columns.AsSpan(j * p, p));
        for (int round = 0; round < 2; round++)
            for (int j = 0; j < l; j++)
            {
                var column = columns.AsSpan(j * p, p);
                double norm = TensorPrimitives.Norm(column);
                if (norm <= 1e-10 * norms[j] || norm == 0)
                {
                    column.Clear();
                    continue;
                }
                TensorPrimitives.Divide(column, norm, column);
                // Remove this direction from the later columns (each column by one thread; split over the cores when
                // the columns are long enough to pay for it).
                var done = columns;
                int from = j;
                TopicParallel.ForRanges(l - j - 1, t =>
                {
                    var later = done.AsSpan((from + 1 + t) * p, p);
                    double dot = TensorPrimitives.Dot(done.AsSpan(from * p, p), later);
                    TensorPrimitives.MultiplyAdd(done.AsSpan(from * p, p), -dot, later, later);
                }, chunk: Math.Max(1, 20_000 / p));
            }
        var result = new float[p * l];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < l; j++) result[i * l + j] = (float)columns[j * p + i];
        return result;
    }

    // Box–Muller: a standard normal draw from the seeded generator (System.Random has none).
    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A sparse matrix in compressed rows (row offsets, column indices, values), for products with dense matrices.</summary>
    /// <summary>A sparse matrix in compressed rows (also used for the saved model's projection, <see cref="SavedTopicModel"/>).</summary>
    internal sealed class SparseMatrix(int rows, int columns, int[] offsets, int[] indices, float[] values)
    {
        public int Rows { get; } = rows;

        public int Columns { get; } = columns;

        public static SparseMatrix FromRows(IReadOnlyList<VBuffer<float>> rows, double[]? weights, int? columns = null)
        {
            int n = columns ?? rows[0].Length;
            var offsets = new int[rows.Count + 1];
            var indices = new List<int>();
            var values = new List<float>();
            for (int i = 0; i < rows.Count; i++)
            {
                float scale = weights is null ? 1 : (float)Math.Sqrt(weights[i]);
                foreach (var (j, v) in rows[i].Items())
                    if (v != 0)
                    {
                        indices.Add(j);
                        values.Add(v * scale);
                    }
                offsets[i + 1] = indices.Count;
            }
            return new SparseMatrix(rows.Count, n, offsets, indices.ToArray(), values.ToArray());
        }

        /// <summary>The transpose, also in compressed rows (a counting sort of the entries by column).</summary>
        public SparseMatrix Transpose()
        {
            var counts = new int[Columns + 1];
            foreach (var j in indices) counts[j + 1]++;
            for (int j = 0; j < Columns; j++) counts[j + 1] += counts[j];
            var next = (int[])counts.Clone();
            var tIndices = new int[indices.Length];
            var tValues = new float[values.Length];
            for (int i = 0; i < Rows; i++)
                for (int x = offsets[i]; x < offsets[i + 1]; x++)
                {
                    int at = next[indices[x]]++;
                    tIndices[at] = i;
                    tValues[at] = values[x];
                }
            return new SparseMatrix(Columns, Rows, counts, tIndices, tValues);
        }

        /// <summary>
        /// <paramref name="addend"/> + this · X, written into <paramref name="into"/> (all Rows × l, row-major): each
        /// row's sum formed as <see cref="Times"/> forms it (from zero, in the order of its entries), then added to
        /// the addend's row, element by element — the same values as <c>Times</c> followed by an element-wise sum, without
        /// holding the product whole.
        /// </summary>
        public void TimesAdd(float[] x, int l, float[] addend, float[] into)
        {
            TopicParallel.ForRanges(Rows, i =>
            {
                Span<float> sum = l <= 512 ? stackalloc float[l] : new float[l];
                sum.Clear();
                for (int e = offsets[i]; e < offsets[i + 1]; e++)
                    TensorPrimitives.MultiplyAdd(x.AsSpan(indices[e] * l, l), values[e], sum, sum);
                TensorPrimitives.Add(addend.AsSpan(i * l, l), sum, into.AsSpan(i * l, l));
            });
        }

        /// <summary>
        /// This · X for a row-major X (Columns × l): Rows × l, row-major, each output row summed by one thread, in the
        /// order of its entries, from zero. Written into <paramref name="into"/> (Rows × l, overwritten) when given.
        /// </summary>
        public float[] Times(float[] x, int l, float[]? into = null)
        {
            var result = into ?? new float[Rows * l];
            TopicParallel.ForRanges(Rows, i =>
            {
                var target = result.AsSpan(i * l, l);
                if (into is not null) target.Clear();
                for (int e = offsets[i]; e < offsets[i + 1]; e++)
                    TensorPrimitives.MultiplyAdd(x.AsSpan(indices[e] * l, l), values[e], target, target);
            });
            return result;
        }
    }
}

/// <summary>
/// Loops split over the cores in fixed chunks of consecutive indices. Each index's work is done by one thread and writes
/// only its own outputs, so results do not depend on the number of cores or on scheduling.
/// </summary>
internal static class TopicParallel
{
    /// <summary>Runs <paramref name="body"/> for 0..<paramref name="count"/> − 1, in chunks of <paramref name="chunk"/> indices spread over the cores.</summary>
    public static void ForRanges(int count, Action<int> body, int chunk = 256)
    {
        if (count <= chunk || Environment.ProcessorCount == 1)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        int chunks = (count + chunk - 1) / chunk;
        Parallel.For(0, chunks, c =>
        {
            int end = Math.Min(count, (c + 1) * chunk);
            for (int i = c * chunk; i < end; i++) body(i);
        });
    }
}
