using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NewsAnalysis.Notebooks;

/// <summary>How to run a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Papermill-style parameters (<c>-p name=value</c>), in order; <c>dataDir</c> for <c>--data</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Run the remaining cells after a failing one (the run still fails).</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>Longest a single cell may run; a cell over it fails and the run stops.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Called as each code cell starts.</summary>
    public Action<NotebookProgress>? Progress { get; init; }
}

/// <summary>
/// Runs a notebook's C# cells in order in one Roslyn scripting session, as the .NET Interactive C# kernel does: state
/// carries over, a trailing expression is the cell's value, <c>display(...)</c> works, console output is captured, the
/// kernel's directives are honoured (<see cref="NotebookDirectives"/>). The working directory during a run is the
/// notebook's folder; because that is process-wide, runs in one process take turns.
/// Compiled cells are cached per process (keyed by notebook folder, previous cells and code), so a second run of the
/// same notebook reuses them.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Namespaces every cell sees, as in the kernel.</summary>
    public static readonly ImmutableArray<string> DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private static readonly SemaphoreSlim RunLock = new(1, 1);
    private static readonly ConcurrentDictionary<string, Script<object>> ScriptCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, MetadataReference> ReferenceCache = new(StringComparer.Ordinal);
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    /// <summary>Reads and runs a notebook file.</summary>
    public static Task<NotebookRun> RunAsync(string path, NotebookRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(NotebookDocument.Load(path), options, cancellationToken);

    /// <summary>Runs <paramref name="notebook"/>; never throws for a failing cell (see <see cref="NotebookRun.Succeeded"/>).</summary>
    public static async Task<NotebookRun> RunAsync(NotebookDocument notebook, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NotebookRunOptions();
        var warnings = NotebookParameters.Warnings(notebook, options.Parameters);
        notebook = NotebookParameters.Inject(notebook, options.Parameters);
        NewsAnalysis.Interactive.FSharpCoreBinding.Install();
        ConsoleCapture.Install();
        await RunLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var previousDirectory = Environment.CurrentDirectory;
        try
        {
            var notebookDir = Path.GetDirectoryName(notebook.Path) ?? previousDirectory;
            Environment.CurrentDirectory = notebookDir;
            var run = await new Session(notebook, notebookDir, options).RunAsync(cancellationToken).ConfigureAwait(false);
            return run with { Warnings = warnings };
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            RunLock.Release();
        }
    }

    private sealed class Session(NotebookDocument notebook, string notebookDir, NotebookRunOptions options)
    {
        private readonly NotebookGlobals globals = new();
        private readonly NotebookValueFormatter formatter = new();
        private readonly List<string> packageSources = [];
        private readonly List<NotebookPackage> packages = [];
        private readonly List<MetadataReference> references = [];
        private Script<object>? lastScript;
        private ScriptState<object>? lastState;
        private string cacheKey = "";

        public async Task<NotebookRun> RunAsync(CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            cacheKey = notebookDir;
            var results = new List<NotebookCellResult>();
            var codeCells = notebook.Cells.Count(c => c.Kind == NotebookCellKind.Code);
            int executed = 0, codeIndex = 0;
            var stopped = false;
            foreach (var cell in notebook.Cells)
            {
                if (cell.Kind != NotebookCellKind.Code)
                {
                    results.Add(new NotebookCellResult(cell, NotebookCellStatus.Text, [], null, TimeSpan.Zero));
                    continue;
                }
                codeIndex++;
                if (stopped)
                {
                    results.Add(new NotebookCellResult(cell, NotebookCellStatus.Skipped, [], null, TimeSpan.Zero));
                    continue;
                }
                options.Progress?.Invoke(new NotebookProgress(notebook.Name, codeIndex, codeCells, clock.Elapsed));
                var started = clock.Elapsed;
                var (outputs, fatal) = await RunCellAsync(cell, ++executed, cancellationToken).ConfigureAwait(false);
                var failed = outputs.Any(o => o is ErrorOutput);
                results.Add(new NotebookCellResult(cell, failed ? NotebookCellStatus.Failed : NotebookCellStatus.Succeeded, outputs, executed, clock.Elapsed - started));
                if (failed && (fatal || !options.ContinueOnError)) stopped = true;
            }
            var dataDir = Variable<string>("dataDir");
            return new NotebookRun(notebook, results, clock.Elapsed, dataDir, ArticleCount(dataDir), packages.ToList());
        }

        private async Task<(IReadOnlyList<NotebookOutput> Outputs, bool Fatal)> RunCellAsync(NotebookCell cell, int number, CancellationToken cancellationToken)
        {
            var context = new NotebookCellContext(formatter);
            if (!cell.IsCSharp)
            {
                context.Add(new ErrorOutput("UnsupportedKernel",
                    $"Cell {number} is a '{cell.Kernel}' cell; the headless runner runs only C# ('csharp') cells.",
                    ["Rewrite the cell in C#, or run this notebook in VS Code (Polyglot Notebooks), which has the other kernels."]));
                return (context.Complete(), false);
            }
            NotebookDirectives.Processed processed;
            try
            {
                processed = NotebookDirectives.Process(cell.Source, notebookDir, packageSources);
            }
            catch (NotebookPackageException e)
            {
                context.Add(new ErrorOutput("PackageNotAvailable", e.Message, []));
                return (context.Complete(), false);
            }
            packages.AddRange(processed.Packages.Where(p => !packages.Contains(p)));
            foreach (var file in processed.References)
            {
                var reference = ReferenceCache.GetOrAdd(file, f => MetadataReference.CreateFromFile(f));
                if (!references.Contains(reference)) references.Add(reference);
            }

            var script = Compile(processed.Code);
            var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                context.Add(new ErrorOutput("CompilationError", errors[0].ToString(), errors.Select(d => d.ToString()).ToList()));
                return (context.Complete(), false);
            }

            globals.Cell = context;
            ConsoleCapture.Current = context;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                // Roslyn runs a submission synchronously up to its first await: start it on the pool so the timeout can fire.
                var previous = lastState;
                var run = Task.Run(() => previous is null
                    ? script.RunAsync(globals, _ => true, timeout.Token)
                    : script.RunFromAsync(previous, _ => true, timeout.Token), timeout.Token);
                var finished = await Task.WhenAny(run, Task.Delay(options.CellTimeout, cancellationToken)).ConfigureAwait(false);
                if (finished != run)
                {
                    await timeout.CancelAsync().ConfigureAwait(false);
                    context.Add(new ErrorOutput("CellTimeout",
                        $"Cell {number} did not finish within {options.CellTimeout.TotalSeconds:0.#} s; the run stops here (state after an unfinished cell is unknown).", []));
                    return (context.Complete(), true);
                }
                var state = await run.ConfigureAwait(false);
                if (state.Exception is { } exception)
                {
                    context.Add(ErrorFrom(exception));
                }
                else if (HasValue(script))
                {
                    context.Add(new DisplayOutput(formatter.Format(state.ReturnValue), IsResult: true));
                }
                // Even a cell that threw keeps what it declared before the throw, as in the kernel.
                lastState = state;
                lastScript = script;
                cacheKey += "\u0001" + processed.Code;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                context.Add(ErrorFrom(e));
            }
            finally
            {
                ConsoleCapture.Current = null;
                globals.Cell = null;
            }
            return (context.Complete(), false);
        }

        private Script<object> Compile(string code)
        {
            var key = cacheKey + "\u0001" + code + "\u0002" + string.Join('|', references.Select(r => r.Display));
            return ScriptCache.GetOrAdd(key, _ =>
            {
                var scriptOptions = ScriptOptions.Default
                    .WithReferences(FrameworkReferences.Value.AddRange(references))
                    .WithImports(DefaultImports)
                    .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(notebookDir))
                    .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, notebookDir))
                    .WithEmitDebugInformation(false)
                    .WithOptimizationLevel(OptimizationLevel.Debug)
                    .WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview)
                    .WithAllowUnsafe(false);
                return lastScript is null
                    ? CSharpScript.Create(code, scriptOptions, typeof(NotebookGlobals))
                    : lastScript.ContinueWith(code, scriptOptions);
            });
        }

        // A trailing expression without ';' of a non-void type is the cell's value (as Roslyn's submission result).
        private static bool HasValue(Script script)
        {
            var compilation = script.GetCompilation();
            var tree = compilation.SyntaxTrees.LastOrDefault();
            if (tree?.GetRoot() is not Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax root) return false;
            if (root.Members.LastOrDefault() is not Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax { Statement: Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax statement }
                || !statement.SemicolonToken.IsMissing) return false;
            var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
            return type is not null && type.SpecialType != SpecialType.System_Void;
        }

        private T? Variable<T>(string name) where T : class =>
            lastState?.Variables.LastOrDefault(v => v.Name == name)?.Value as T;

        private int? ArticleCount(string? dataDir)
        {
            if (lastState?.Variables.Select(v => v.Value).OfType<NewsCorpus>().LastOrDefault() is { } corpus) return corpus.Articles.Count;
            if (dataDir is null) return null;
            var full = Path.GetFullPath(dataDir, notebookDir);
            try
            {
                return Path.Exists(full) ? Corpus.Load(full).Articles.Count : null;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    private static ErrorOutput ErrorFrom(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } || e is System.Reflection.TargetInvocationException)
            e = e.InnerException!;
        var trace = e.ToString().ReplaceLineEndings("\n").Split('\n')
            .Where(l => !l.TrimStart().StartsWith("at Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)
                && !l.TrimStart().StartsWith("at System.Runtime.CompilerServices", StringComparison.Ordinal)
                && !l.TrimStart().StartsWith("--- End of stack trace", StringComparison.Ordinal))
            .ToList();
        return new ErrorOutput(e.GetType().FullName ?? e.GetType().Name, e.Message, trace);
    }

    // The shared framework's assemblies (System.*, Microsoft.CSharp, ...), as the kernel's scripts see them.
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
        return ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith(runtimeDir, StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => ReferenceCache.GetOrAdd(p, f => MetadataReference.CreateFromFile(f)))
            .ToImmutableArray();
    }
}
