using System.IO.Compression;

namespace NewsAnalysis;

/// <summary>The data files embedded in the library (their logical names are set in <c>NewsAnalysis.csproj</c>).</summary>
internal static class EmbeddedResources
{
    /// <summary>Opens the resource with this logical name, decompressing a <c>.gz</c> one.</summary>
    /// <exception cref="InvalidOperationException">The build did not embed it.</exception>
    public static Stream Open(string logicalName)
    {
        var assembly = typeof(EmbeddedResources).Assembly;
        var stream = assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"Embedded resource '{logicalName}' is missing from {assembly.GetName().Name}.");
        return logicalName.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}
