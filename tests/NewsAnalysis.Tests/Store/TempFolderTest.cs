namespace NewsAnalysis.Tests;

/// <summary>A test class with a fresh temporary folder per test (<see cref="Root"/>), deleted afterwards.</summary>
public abstract class TempFolderTest : IDisposable
{
    /// <summary>The test's own folder (not created until used).</summary>
    protected string Root { get; } = Path.Combine(Path.GetTempPath(), "news-test-" + Guid.NewGuid().ToString("N"));

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }
}
