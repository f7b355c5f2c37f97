using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace NewsAnalysis.Kernel;

/// <summary>The result of running one cell.</summary>
/// <param name="ExecutionCount">1 for the session's first cell, 2 for the next, ... (failed cells count too).</param>
/// <param name="Outputs">Its outputs in order (display updates of its own displays already applied).</param>
/// <param name="Duration">Time spent, compile and run.</param>
public sealed record CellExecution(int ExecutionCount, IReadOnlyList<NotebookOutput> Outputs, TimeSpan Duration)
{
    /// <summary>True when the cell produced no error.</summary>
    public bool Succeeded => !Outputs.Any(o => o is ErrorOutput);
}

/// <summary>
/// One C# notebook session, as the .NET Interactive C# kernel runs it: Roslyn scripting, state carried from cell to
/// cell, a trailing expression is the cell's value, <c>display(...)</c>, console output captured, the kernel's
/// directives (<see cref="KernelDirectives"/>) with <c>#r "nuget:"</c> restored by NuGet
/// (<see cref="NuGetRestorer"/>). Assemblies load through Roslyn's own loader, as in .NET Interactive: the runtime's
/// own assemblies first, then what the cells referenced, then files beside an assembly referenced by path. Run this in
/// the kernel process (<c>news-kernel</c>), whose runtime holds nothing of the library or its dependencies, so a
/// notebook gets exactly what its <c>#r</c> lines bring in. One session runs one cell at a time.
/// </summary>
public sealed class KernelSession
{
    /// <summary>Namespaces every cell sees, as in .NET Interactive.</summary>
    public static readonly ImmutableArray<string> DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    // One loader per process: an assembly file referenced by several sessions is loaded once, as in a kernel that
    // reruns a notebook. Compiled cells are cached per process, keyed by working directory, previous cells, code and
    // references, so running the same notebook again reuses them.
    private static readonly InteractiveAssemblyLoader Loader = new();
    private static readonly ConcurrentDictionary<string, Script<object>> ScriptCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, MetadataReference> ReferenceCache = new(StringComparer.Ordinal);
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);
    // The kernel itself, for the interrupt checks added to loops (CellInterrupt.Check).
    private static readonly Lazy<MetadataReference> KernelReference = new(() => MetadataReference.CreateFromFile(typeof(CellInterrupt).Assembly.Location));

    private readonly KernelGlobals globals = new();
    private readonly List<PackageRequest> requests = [];
    private readonly List<string> sources = [];
    private readonly Dictionary<string, RestoredPackage> packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<MetadataReference> references = [];
    private readonly Lock gate = new();
    private Script<object>? rootScript;
    private Script<object>? lastScript;
    private ScriptState<object>? lastState;
    private string cacheKey;
    private CellContext? running;

    /// <summary>A new, empty session whose cells run in <paramref name="workingDirectory"/> (relative paths resolve there).</summary>
    public KernelSession(string workingDirectory)
    {
        WorkingDirectory = Path.GetFullPath(workingDirectory);
        if (!Directory.Exists(WorkingDirectory)) throw new DirectoryNotFoundException($"Working directory '{WorkingDirectory}' does not exist.");
        cacheKey = WorkingDirectory;
        ConsoleCapture.Install();
        PackageAssets.Install();
    }

    /// <summary>The folder cells run in.</summary>
    public string WorkingDirectory { get; }

    /// <summary>How values are shown; its chart counter numbers this session's charts.</summary>
    public ValueFormatter Formatter { get; } = new();

    /// <summary>Cells run so far.</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The packages the cells asked for, as restored (id and resolved version), in request order.</summary>
    public IReadOnlyList<RestoredPackage> RequestedPackages =>
        requests.Select(r => packages.TryGetValue(r.Id, out var p) ? p : null).OfType<RestoredPackage>().DistinctBy(p => p.Id).ToList();

    /// <summary>The session's variables (the last value of each name), as after the last cell that ran.</summary>
    public IReadOnlyDictionary<string, object?> Variables =>
        lastState?.Variables.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => (object?)g.Last().Value) ?? new Dictionary<string, object?>();

    /// <summary>
    /// Runs one cell. Never throws for a failing cell: errors are <see cref="ErrorOutput"/>s. <paramref name="listener"/>
    /// sees each output as it happens (console text in the pieces written). When <paramref name="cancellationToken"/>
    /// fires, the cell is given up at once with an <c>Interrupted</c> error and the session goes on from the state
    /// before it (a cell that ignores cancellation may keep running in the background; what it declares is lost).
    /// </summary>
    public async Task<CellExecution> ExecuteAsync(string code, Action<NotebookOutput>? listener = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var number = ++ExecutionCount;
        var context = new CellContext(this, listener);
        lock (gate) running = context;
        try
        {
            Environment.CurrentDirectory = WorkingDirectory;
            await RunAsync(code, number, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (gate) running = null;
        }
        return new CellExecution(number, context.Complete(), clock.Elapsed);
    }

    /// <summary>
    /// Runs a few cells (a declaration, a loop, a value) in a throwaway session in <paramref name="workingDirectory"/>,
    /// so that the compiler is jitted and the framework references are read before a user's first cell. Sessions share
    /// the process's references and loader, so a session started before or after gets the warm path.
    /// </summary>
    public static async Task WarmUpAsync(string workingDirectory)
    {
        var session = new KernelSession(workingDirectory);
        foreach (var cell in (string[])["var warmUp = new List<int> { 1 };", "foreach (var i in warmUp) { warmUp[0] += i; }", "warmUp.Count + 1", "1+1"])
            await session.ExecuteAsync(cell).ConfigureAwait(false);
    }

    /// <summary>Replaces an earlier display: in place when the running cell shows it, else passed on to the running cell's listener.</summary>
    internal void UpdateDisplay(string displayId, FormattedValue value)
    {
        CellContext? cell;
        lock (gate) cell = running;
        var update = new DisplayUpdateOutput(displayId, value);
        if (cell is not null && !cell.TryUpdate(update)) cell.Add(update);
    }

    private async Task RunAsync(string code, int number, CellContext context, CancellationToken cancellationToken)
    {
        KernelDirectives.Processed processed;
        try
        {
            processed = KernelDirectives.Process(code, WorkingDirectory);
            AddPackages(processed, cancellationToken);
            CellTimings.Lap("directives");
        }
        catch (PackageRestoreException e)
        {
            context.Add(new ErrorOutput("PackageNotAvailable", e.Message, []));
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Add(Interrupted(number));
            return;
        }

        // Loops get interrupt checks (CellInterrupt); a cell that does not compile is reported as written.
        var checkedCode = CellInterrupt.AddLoopChecks(processed.Code, ParseOptions);
        CellTimings.Lap("loop-rewrite");
        var script = Compile(checkedCode);
        CellTimings.Lap("script-create");
        List<Diagnostic> errors;
        try
        {
            if (CellTimings.Enabled)
            {
                // Roslyn's phases one by one (each is cached in the compilation, so the emit below does not redo them).
                var compilation = script.GetCompilation();
                CellTimings.Lap("compilation-create");
                _ = compilation.Assembly;
                CellTimings.Lap("reference-binding");
                compilation.GetDeclarationDiagnostics(cancellationToken);
                CellTimings.Lap("declarations");
            }
            errors = Errors(script, cancellationToken);
            CellTimings.Lap("emit+load");
            if (errors.Count > 0 && !ReferenceEquals(checkedCode, processed.Code)) errors = Errors(Compile(processed.Code, cache: false), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Add(Interrupted(number));
            return;
        }
        if (errors.Count > 0)
        {
            context.Add(new ErrorOutput("CompilationError", errors[0].ToString(), errors.Select(d => d.ToString()).ToList()));
            return;
        }

        globals.Cell = context;
        ConsoleCapture.Current = context;
        try
        {
            // Roslyn runs a submission synchronously up to its first await: start it on the pool so cancellation can
            // give it up.
            var previous = lastState;
            CellInterrupt.Current = cancellationToken;
            var run = Task.Run(() => previous is null
                ? script.RunAsync(globals, _ => true, CancellationToken.None)
                : script.RunFromAsync(previous, _ => true, CancellationToken.None), CancellationToken.None);
            var interrupted = new TaskCompletionSource();
            await using (cancellationToken.Register(() => interrupted.TrySetResult()))
            {
                if (await Task.WhenAny(run, interrupted.Task).ConfigureAwait(false) != run)
                {
                    context.Add(Interrupted(number));
                    return;
                }
            }
            var state = await run.ConfigureAwait(false);
            CellTimings.Lap("run");
            // Cancelling sets the token's flag before its callbacks run, so a loop check can stop the cell, and the run
            // complete, before the callback above tells the kernel: that is an interrupt too, with the same result.
            if (state.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                context.Add(Interrupted(number));
                return;
            }
            if (state.Exception is { } exception) context.Add(ErrorFrom(exception));
            else if (HasValue(script) && state.ReturnValue is not DisplayHandle)
            {
                CellTimings.Lap("value-check");
                var value = Formatter.Format(state.ReturnValue);
                CellTimings.Lap("format");
                context.Add(new DisplayOutput(value, IsResult: true));
            }
            // Even a cell that threw keeps what it declared before the throw, as in .NET Interactive. A cell that
            // declares nothing is left out of the chain the next cells compile against (see DeclaresAnything).
            if (DeclaresAnything(script))
            {
                lastState = state;
                lastScript = script;
                cacheKey += "\u0001" + checkedCode;
                SessionDepth++;
            }
            CellTimings.Lap("declares-check");
        }
        catch (Exception e)
        {
            context.Add(ErrorFrom(e));
        }
        finally
        {
            ConsoleCapture.Current = null;
            globals.Cell = null;
        }
    }

    private static ErrorOutput Interrupted(int number) =>
        new("Interrupted", $"Cell {number} was interrupted; the session goes on from the state before it.", []);

    // Restores the session's packages with the new requests and references what they add.
    private void AddPackages(KernelDirectives.Processed processed, CancellationToken cancellationToken)
    {
        sources.AddRange(processed.Sources.Where(s => !sources.Contains(s)));
        var fresh = processed.Packages.Where(p => !requests.Contains(p)).ToList();
        if (fresh.Count == 0) return;
        foreach (var request in fresh)
        {
            if (packages.TryGetValue(request.Id, out var loaded) && request.Version is { } wanted && !SameVersion(wanted, loaded.Version))
                throw new PackageRestoreException($"#r \"nuget: {request.Id}, {wanted}\": {loaded.Id} {loaded.Version} is already loaded in this session; restart the kernel to change its version.");
        }
        var restored = NuGetRestorer.Restore(requests.Concat(fresh).ToList(), sources, cancellationToken);
        requests.AddRange(fresh);
        foreach (var package in restored)
        {
            if (packages.TryGetValue(package.Id, out var before) && !SameVersion(before.Version, package.Version))
                throw new PackageRestoreException($"#r \"nuget:\": adding {string.Join(", ", fresh.Select(f => f.Id))} needs {package.Id} {package.Version}, but {before.Version} is already loaded in this session; restart the kernel.");
            if (!packages.TryAdd(package.Id, package)) continue;
            PackageAssets.Add(package);
            foreach (var file in package.Assemblies)
            {
                var reference = ReferenceCache.GetOrAdd(file, f => MetadataReference.CreateFromFile(f));
                if (!references.Contains(reference)) references.Add(reference);
            }
        }
    }

    private static bool SameVersion(string a, string b) => string.Equals(a.Trim('[', ']', ' '), b.Trim('[', ']', ' '), StringComparison.OrdinalIgnoreCase);

    /// <summary>How cells parse: C# script, the newest language version (as the compile).</summary>
    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    private static List<Diagnostic> Errors(Script script, CancellationToken cancellationToken) =>
        script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>
    /// The compilation <paramref name="code"/> would have as the session's next cell (previous cells and references in
    /// scope), for completion and inspection; nothing runs and nothing is cached.
    /// </summary>
    internal Compilation CompilationFor(string code) => Compile(code, cache: false).GetCompilation();

    private Script<object> Compile(string code, bool cache = true)
    {
        var options = Options();
        var previous = lastScript ?? Root(options);
        var key = cacheKey + "\u0001" + code + "\u0002" + string.Join('|', references.Select(r => r.Display));
        return cache ? ScriptCache.GetOrAdd(key, _ => previous.ContinueWith(code, options)) : previous.ContinueWith(code, options);
    }

    private ScriptOptions Options() =>
        ScriptOptions.Default
            .WithReferences(FrameworkReferences.Value.Add(KernelReference.Value).AddRange(references))
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(WorkingDirectory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, WorkingDirectory))
            .WithEmitDebugInformation(false)
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithLanguageVersion(LanguageVersion.Preview)
            .WithAllowUnsafe(false);

    // Every cell continues a script: the last cell that declared something, else the session's empty first
    // submission. Roslyn gives a first submission new references to the runtime's core library and the globals'
    // assembly (metadata read again, every framework assembly rebound to them: ~140 ms under load), so a session whose
    // cells declare nothing would pay that on every cell. One per session, as Roslyn numbers a chain's submissions
    // (Submission#N in stack traces) from its first: a notebook's numbers do not depend on what ran before it.
    private Script<object> Root(ScriptOptions options)
    {
        if (rootScript is null)
        {
            rootScript = CSharpScript.Create("", options, typeof(KernelGlobals), Loader);
            cacheKey += "\u0000" + string.Join('|', references.Select(r => r.Display));
        }
        return rootScript;
    }

    /// <summary>Cells in the chain the next cell compiles against (cells that declared something).</summary>
    internal int SessionDepth { get; private set; }

    /// <summary>
    /// Whether a later cell can see anything of this one: a variable, method, property or type (members of the
    /// submission's script class), a using directive, an assembly attribute, a <c>#r</c> or <c>#load</c>. A cell
    /// with none of these (<c>x.Count</c>, <c>x += 1;</c>, <c>Console.WriteLine(x)</c>, <c>display(df)</c>) leaves
    /// later cells' meaning unchanged, so the next cell continues from the last cell that declared something. This
    /// keeps Roslyn's submission chain short: each compile binds every earlier submission of the chain as a reference, so its cost
    /// grows with the chain's length (a warm <c>1+1</c> after 200 cells costs about three times one after a few;
    /// docs/notebooks.md). Cells share their submission objects, so what such a cell changes (a field it assigns, an
    /// object it mutates) is seen by later cells as before.
    /// </summary>
    private static bool DeclaresAnything(Script script)
    {
        var compilation = script.GetCompilation();
        if (compilation.SyntaxTrees.Skip(1).Any() || compilation.SyntaxTrees.SingleOrDefault()?.GetRoot() is not CompilationUnitSyntax root) return true;
        if (root.Usings.Count > 0 || root.Externs.Count > 0 || root.AttributeLists.Count > 0 || root.GetReferenceDirectives().Count > 0 || root.GetLoadDirectives().Count > 0)
            return true;
        return compilation.ScriptClass is not { } scriptClass || scriptClass.GetMembers().Any(m => !m.IsImplicitlyDeclared);
    }

    // A trailing expression without ';' of a non-void type is the cell's value (as Roslyn's submission result).
    private static bool HasValue(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.LastOrDefault();
        if (tree?.GetRoot() is not CompilationUnitSyntax root) return false;
        if (root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing) return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    /// <summary>An exception as an error output: its type, message and stack trace without the scripting machinery's frames.</summary>
    internal static ErrorOutput ErrorFrom(Exception e)
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

    // The shared framework's assemblies (System.*, Microsoft.CSharp, ...), as .NET Interactive's scripts see them.
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
