namespace NewsAnalysis.Benchmarks;

/// <summary>One benchmark suite: measures a concern and prints its figures (throughput, memory, goal met or not).</summary>
internal interface IBenchmarkSuite
{
    /// <summary>The verb that selects it on the command line, e.g. <c>corpus</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what it measures and the goal.</summary>
    string Description { get; }

    /// <summary>Runs the suite and prints figures to standard output.</summary>
    void Run(string[] args);
}
