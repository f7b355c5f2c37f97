using NewsAnalysis.Cli;

// `news`: a thin shell over the library. Each verb lives in Commands/<Verb>Command.cs.
return await CommandCatalog.InvokeAsync(args);
