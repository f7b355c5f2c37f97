namespace NewsAnalysis.Cli;

/// <summary>Finds the repository root (the folder holding Analysis.sln) from the working directory or the executable.</summary>
internal static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Analysis.sln"))) return dir.FullName;
        }
        return null;
    }
}
