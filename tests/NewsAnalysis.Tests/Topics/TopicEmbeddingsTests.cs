namespace NewsAnalysis.Tests;

/// <summary>
/// <c>--method embeddings</c>: MiniLM embeddings clustered and labelled, cached on disk by text hash, and ONNX Runtime
/// loaded only when that method runs.
/// </summary>
public class TopicEmbeddingsTests
{
    [Fact]
    public void Embeddings_cluster_the_seed_paragraphs_and_a_rerun_reads_the_cache()
    {
        using var cache = new CorpusTempFolder();
        var options = new TopicOptions { Method = TopicMethod.Embeddings, K = 3, EmbeddingCache = cache.Path };
        var first = TopicModeler.Fit(TestData.Seeds, options);
        Assert.Equal(3, first.Topics.Count);
        Assert.All(first.Topics, t => Assert.NotEqual("(no terms)", t.Label));
        var files = Directory.GetFiles(cache.Path, "*.emb");
        Assert.Single(files);
        Assert.Contains(first.Phases, p => p.Phase == $"embeddings (0 of {first.Assignments.Count(a => a.Topic >= 0)} cached)");

        var again = TopicModeler.Fit(TestData.Seeds, options);
        Assert.Contains(again.Phases, p => p.Phase.StartsWith("embeddings (", StringComparison.Ordinal) && p.Phase.Contains(" of ") &&
            p.Phase.Split(' ')[1].TrimStart('(') == p.Phase.Split(' ')[3]); // every unit cached
        Assert.Single(Directory.GetFiles(cache.Path, "*.emb"));          // nothing new written
        Assert.Equal(first.Assignments.Select(a => a.Topic), again.Assignments.Select(a => a.Topic));
    }

    [Fact]
    public void Units_are_cut_to_their_first_words()
    {
        Assert.Equal("one two three", TopicEmbeddings.Cut("one  two\nthree four five", 3));
        Assert.Equal("one", TopicEmbeddings.Cut("one", 3));
    }

    [Fact]
    public async Task Without_onnx_runtime_kmeans_still_runs_and_embeddings_fail_in_one_line()
    {
        // A copy of the CLI without the encoder package and ONNX Runtime: the library must not need them to load.
        using var copy = new CorpusTempFolder();
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("SentenceTransformers", StringComparison.Ordinal) || name.Contains("onnxruntime", StringComparison.OrdinalIgnoreCase))
                continue;
            var target = Path.Combine(copy.Path, Path.GetRelativePath(AppContext.BaseDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var news = Path.Combine(copy.Path, "news.dll");
        var kmeans = await MeasuredProcess.RunAsync("dotnet", ["exec", news, "topics", "--data", TestData.Articles, "--unit", "article", "--k", "2", "--format", "csv"],
            TestData.Root, TimeSpan.FromMinutes(2));
        Assert.Equal(0, kmeans.Exit);
        Assert.Equal(6, kmeans.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var embeddings = await MeasuredProcess.RunAsync("dotnet", ["exec", news, "topics", "--data", TestData.Articles, "--unit", "article", "--k", "2", "--method", "embeddings"],
            TestData.Root, TimeSpan.FromMinutes(2));
        Assert.Equal(2, embeddings.Exit);
        Assert.StartsWith("news topics: ", Assert.Single(embeddings.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("SentenceTransformers", embeddings.Err);
    }
}
