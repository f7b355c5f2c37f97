// Benchmarks print their figures; each suite is a verb: `dotnet run -c Release --project tests/NewsAnalysis.Benchmarks -- <suite>`.
Console.WriteLine("Usage: dotnet run -c Release --project tests/NewsAnalysis.Benchmarks -- <suite>");
return 0;
