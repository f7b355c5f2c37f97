using System.Reflection;
using NewsAnalysis.Benchmarks;

// Benchmarks print their figures. Each suite is one class implementing IBenchmarkSuite (one file per concern):
//   dotnet run -c Release --project tests/NewsAnalysis.Benchmarks -- <suite> [args]
//   dotnet run -c Release --project tests/NewsAnalysis.Benchmarks -- all
var suites = typeof(IBenchmarkSuite).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkSuite).IsAssignableFrom(t))
    .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("Usage: dotnet run -c Release --project tests/NewsAnalysis.Benchmarks -- <suite|all> [args]");
    foreach (var s in suites) Console.WriteLine($"  {s.Name,-12} {s.Description}");
    return args.Length == 0 ? 1 : 0;
}
var chosen = args[0] == "all" ? suites : suites.Where(s => s.Name == args[0]).ToList();
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"Unknown suite '{args[0]}'. Known: {string.Join(", ", suites.Select(s => s.Name))}");
    return 2;
}
foreach (var suite in chosen)
{
    Console.WriteLine($"== {suite.Name}: {suite.Description}");
    suite.Run(args.Skip(1).ToArray());
}
return 0;
