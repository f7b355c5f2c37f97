using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NewsAnalysis.Kernel;

/// <summary>Whether a cell is ready to run (Jupyter's is_complete): <c>complete</c>, <c>incomplete</c> or <c>invalid</c>.</summary>
/// <param name="Status">The status word of the protocol.</param>
public sealed record CellCompleteness(string Status);

/// <summary>Completions at a cursor: the text from <paramref name="Start"/> to <paramref name="End"/> is replaced by one of <paramref name="Matches"/>.</summary>
/// <param name="Matches">Candidate names, sorted.</param>
/// <param name="Start">Start of the word being completed (character offset in the cell).</param>
/// <param name="End">The cursor.</param>
public sealed record CellCompletions(IReadOnlyList<string> Matches, int Start, int End);

/// <summary>
/// The editing help a notebook frontend asks a kernel for, from Roslyn's compiler API on the session's own
/// compilation (previous cells and the cells' references in scope): syntax completeness, completion at the cursor and
/// the symbol under the cursor. Written on the compiler's <c>LookupSymbols</c> rather than Roslyn's Features
/// completion service, which needs a MEF-composed Workspace (Microsoft.CodeAnalysis.Features and Workspaces, several
/// megabytes and seconds of composition at start) for what scope and member lookup already give here.
/// </summary>
public static class KernelEditing
{
    /// <summary>
    /// <c>complete</c> when the cell is a whole submission without syntax errors, <c>invalid</c> when whole but
    /// erroneous, <c>incomplete</c> when more lines could finish it (an open brace, a statement without its end).
    /// </summary>
    public static CellCompleteness IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(Blank(code), KernelSession.ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return new("incomplete");
        return new(tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? "invalid" : "complete");
    }

    /// <summary>Names that fit at <paramref name="cursor"/>: members after a dot, else what is in scope (locals, earlier cells' variables, types, keywords).</summary>
    public static CellCompletions Complete(KernelSession session, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursor];
        var compilation = session.CompilationFor(Blank(code));
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var position = start;
        IEnumerable<ISymbol> symbols;
        var names = new List<string>();
        var dot = tree.GetRoot().FindToken(Math.Max(0, start - 1));
        if (start > 0 && dot.IsKind(SyntaxKind.DotToken) && dot.Parent is MemberAccessExpressionSyntax access)
        {
            var left = model.GetSymbolInfo(access.Expression).Symbol;
            var type = model.GetTypeInfo(access.Expression).Type;
            if (left is INamespaceOrTypeSymbol container)
                symbols = model.LookupSymbols(position, container).Where(s => s.IsStatic || s is INamespaceOrTypeSymbol);
            else if (type is not null)
                symbols = model.LookupSymbols(position, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { IsExtensionMethod: true });
            else
                symbols = [];
        }
        else
        {
            symbols = model.LookupSymbols(position);
            names.AddRange(Keywords);
        }
        names.AddRange(symbols.Where(s => s.CanBeReferencedByName && !s.IsImplicitlyDeclared).Select(s => s.Name));
        var matches = names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => !n.StartsWith(prefix, StringComparison.Ordinal))
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();
        return new CellCompletions(matches, start, cursor);
    }

    /// <summary>The symbol at <paramref name="cursor"/> as a signature line (with its summary when the assembly has XML docs), or null.</summary>
    public static string? Inspect(KernelSession session, string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var compilation = session.CompilationFor(Blank(code));
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var token = tree.GetRoot().FindToken(cursor > 0 && (cursor == code.Length || !char.IsLetterOrDigit(code[cursor])) ? cursor - 1 : cursor);
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
            if (symbol is null) continue;
            var text = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
            var kind = symbol.Kind.ToString().ToLowerInvariant();
            var summary = Summary(symbol.GetDocumentationCommentXml());
            return $"{kind} {text}" + (summary is null ? "" : "\n\n" + summary);
        }
        return null;
    }

    private static string? Summary(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            var summary = System.Xml.Linq.XElement.Parse(xml).Element("summary")?.Value;
            return string.IsNullOrWhiteSpace(summary) ? null : string.Join(' ', summary.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    // The kernel's own directives (#r "nuget:", #i) blanked as when the cell runs; a directive that would fail is left as is.
    private static string Blank(string code)
    {
        try { return KernelDirectives.Process(code, Environment.CurrentDirectory).Code; }
        catch (PackageRestoreException) { return code; }
    }

    private static readonly ImmutableArray<string> Keywords =
        [.. SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds()).Select(SyntaxFacts.GetText).Where(k => k.Length > 0).Distinct()];
}
