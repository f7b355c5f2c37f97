using System.Reflection;
using System.Runtime.CompilerServices;
using Plotly.NET;

namespace NewsAnalysis.Interactive;

/// <summary>
/// What the notebooks' setup cell calls: <c>NewsAnalysis.Interactive.NotebookSupport.Enable();</c>.
/// In the .NET Interactive kernel (VS Code Polyglot Notebooks) it binds FSharp.Core for Plotly.NET and registers an
/// HTML formatter for Plotly.NET charts with the kernel's <c>Formatter</c>: the first chart of the kernel session
/// carries plotly.js, later ones use that copy, so charts draw without a network. Anywhere else (the project's own
/// kernel, which renders values itself, or a plain program) it does nothing.
/// </summary>
public static class NotebookSupport
{
    private static int formattersRegistered;

    /// <summary>The simple name of the .NET Interactive kernel assembly, whose presence means "running in the kernel".</summary>
    public const string KernelAssemblyName = "Microsoft.DotNet.Interactive";

    /// <summary>True when the .NET Interactive kernel is loaded in this process.</summary>
    public static bool InKernel => FindLoadedAssembly(KernelAssemblyName) is not null;

    /// <summary>
    /// Makes charts render as interactive HTML in the .NET Interactive kernel, offline. Call it in the setup cell,
    /// before any Plotly.NET type is touched. Idempotent; does nothing outside that kernel.
    /// </summary>
    public static void Enable()
    {
        if (!InKernel) return;
        // First the binding, in a method that touches no Plotly type: the JIT of a method using GenericChart
        // would already ask for FSharp.Core 10.1, which the kernel (FSharp.Core 10.0 loaded) cannot give.
        FSharpCoreBinding.Install();
        RegisterKernelFormatters();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterKernelFormatters()
    {
        if (Interlocked.Exchange(ref formattersRegistered, 1) == 1) return;
        RegisterFormatters(FindType("Microsoft.DotNet.Interactive.Formatting.Formatter")
            ?? throw new InvalidOperationException("The .NET Interactive kernel is loaded but Microsoft.DotNet.Interactive.Formatting.Formatter was not found."));
    }

    /// <summary>Registers the chart HTML formatter with the given <c>Formatter</c> type (the kernel's, found by reflection).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void RegisterFormatters(Type formatter)
    {
        // The first chart after registration (the kernel's session) carries plotly.js; later ones use that copy.
        var rendered = 0;
        Action<GenericChart, TextWriter> html = (chart, writer) =>
            writer.Write(ChartHtml.Render(chart, "chart-" + Guid.NewGuid().ToString("N"),
                Interlocked.Increment(ref rendered) == 1 ? PlotlyScriptSource.Inline : PlotlyScriptSource.Shared));
        RegisterGeneric(formatter, html, "text/html");
    }

    /// <summary>
    /// Calls <c>Formatter.Register&lt;T&gt;(Action&lt;T, TextWriter&gt;, string mimeType, ...)</c> by reflection: the kernel
    /// package is not on the package mirror and the Formatting version the kernel loads may differ from any we could pin.
    /// </summary>
    private static void RegisterGeneric<T>(Type formatter, Action<T, TextWriter> write, string mimeType)
    {
        var method = formatter.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == "Register" && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1)
            .Select(m => (Method: m, Parameters: m.GetParameters()))
            .Where(x => x.Parameters.Length >= 2
                && x.Parameters[0].ParameterType.IsGenericType
                && x.Parameters[0].ParameterType.GetGenericTypeDefinition() == typeof(Action<,>)
                && x.Parameters[1].ParameterType == typeof(string)
                && x.Parameters.Skip(2).All(p => p.IsOptional))
            .OrderBy(x => x.Parameters.Length)
            .Select(x => x.Method)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"{formatter.FullName} has no Register<T>(Action<T, TextWriter>, string mimeType) overload.");
        var generic = method.MakeGenericMethod(typeof(T));
        var args = generic.GetParameters().Select((p, i) => i switch { 0 => write, 1 => mimeType, _ => p.DefaultValue }).ToArray();
        generic.Invoke(null, args);
    }

    private static Assembly? FindLoadedAssembly(string simpleName) =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == simpleName);

    private static Type? FindType(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(fullName, throwOnError: false)).FirstOrDefault(t => t is not null);
}
