using System.Runtime.CompilerServices;

namespace NewsAnalysis.Tests;

/// <summary>
/// Keeps the result store's default cache (<c>$XDG_CACHE_HOME/newsanalysis</c>) of every verb the tests run, in process
/// or as a child process, inside a folder of this test run, deleted when the run ends: tests must not fill the user's
/// own cache (each temp data folder would leave a store of its own there).
/// </summary>
internal static class TestCache
{
    [ModuleInitializer]
    internal static void Isolate()
    {
        var folder = Directory.CreateTempSubdirectory("news-tests-cache-").FullName;
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        };
    }
}
