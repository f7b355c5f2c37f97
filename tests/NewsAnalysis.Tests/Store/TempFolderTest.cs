namespace NewsAnalysis.Tests;

/// <summary>A test class with a fresh temporary folder per test (<see cref="Root"/>), deleted afterwards.</summary>
public abstract class TempFolderTest : IDisposable
{
    private readonly CorpusTempFolder folder = new();

    /// <summary>The test's own folder.</summary>
    protected string Root => folder.Path;

    /// <inheritdoc/>
    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
