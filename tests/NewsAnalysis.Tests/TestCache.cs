using System.Runtime.CompilerServices;

namespace NewsAnalysis.Tests;

/// <summary>
/// Keeps everything a test run writes outside its own folders inside one folder of this run, deleted when the run ends:
/// the temporary folder (<c>TMPDIR</c>, which .NET's <see cref="Path.GetTempPath"/>, Python's <c>tempfile</c>, Jupyter
/// and every child process use) and the result store's default cache (<c>$XDG_CACHE_HOME/newsanalysis</c>) of every
/// verb the tests run, in process or as a child process. Tests must not fill the machine's /tmp (a run left ~90 MB of
/// kernelspecs, executed notebooks and data copies there) nor the user's own cache (each temp data folder would leave a
/// store of its own there).
/// </summary>
internal static class TestCache
{
    [ModuleInitializer]
    internal static void Isolate()
    {
        var root = Directory.CreateTempSubdirectory("news-tests-").FullName;
        var cache = Directory.CreateDirectory(Path.Combine(root, "cache")).FullName;
        Environment.SetEnvironmentVariable("TMPDIR", root);
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        };
    }
}
