using System.CommandLine;
using NewsAnalysis.Cli;

// `news`: a thin shell over the library. Each verb lives in Commands/<Verb>Command.cs.
var root = new RootCommand("news: analyse a folder of news articles (corpus, sentiment, entities, topics, timelines, reports).");
foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);
return await root.Parse(args).InvokeAsync();
