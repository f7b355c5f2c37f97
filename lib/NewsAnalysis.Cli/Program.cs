using NewsAnalysis.Cli;

// `news`: a thin shell over the library. Each verb lives in Commands/<Verb>Command.cs.
NewsAnalysis.CorpusOptions.Preload();   // most verbs load a corpus: read its rules beside the start-up
return await CommandCatalog.InvokeAsync(args);
