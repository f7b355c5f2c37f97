using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NewsAnalysis.Kernel;

/// <summary>
/// Lets an interrupt stop a running cell. A Roslyn script cannot be aborted from outside (.NET has no
/// Thread.Abort), so before a cell compiles, every loop body of the cell gets a call to <see cref="Check"/> as its
/// first statement (<see cref="AddLoopChecks"/>); once the cell's interrupt fires, the next iteration throws
/// <see cref="OperationCanceledException"/> and the abandoned cell stops using the CPU. Code outside the cell's own
/// text (a library call, a <c>Thread.Sleep</c>) runs on until it returns to a loop of the cell.
/// </summary>
public static class CellInterrupt
{
    private static readonly AsyncLocal<CancellationToken> current = new();

    /// <summary>The interrupt of the cell running in this async flow (threads and tasks the cell starts inherit it).</summary>
    internal static CancellationToken Current
    {
        get => current.Value;
        set => current.Value = value;
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the running cell was interrupted (called from the cell's loops).</summary>
    public static void Check() => current.Value.ThrowIfCancellationRequested();

    private const string CheckCall = "global::NewsAnalysis.Kernel.CellInterrupt.Check();";

    /// <summary>
    /// <paramref name="code"/> with a check at the start of each loop body (for, foreach — deconstructing ones too —, while, do), or the same
    /// string when it has no loop. The checks are written on the line of the loop body's start, so line numbers stay.
    /// </summary>
    internal static string AddLoopChecks(string code, CSharpParseOptions options)
    {
        var root = CSharpSyntaxTree.ParseText(code, options).GetRoot();
        if (!root.DescendantNodes().Any(n => n is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax))
            return code;
        return new LoopChecks().Visit(root).ToFullString();
    }

    private sealed class LoopChecks : CSharpSyntaxRewriter
    {
        private static StatementSyntax NewCheck() => SyntaxFactory.ParseStatement(CheckCall).WithTrailingTrivia(SyntaxFactory.Space);

        // Every loop kind the same way: its statement (already rewritten inside) gets a check first.
        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(node))]
        public override SyntaxNode? Visit(SyntaxNode? node) => base.Visit(node) switch
        {
            ForStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
            CommonForEachStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
            WhileStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
            DoStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
            var other => other,
        };

        // { check; ...body } keeping the body's trivia (so line numbers of everything after stay the same).
        private static StatementSyntax Guard(StatementSyntax body)
        {
            if (body is BlockSyntax block)
                return block.WithStatements(block.Statements.Insert(0, NewCheck()));
            return SyntaxFactory.Block(NewCheck(), body.WithoutLeadingTrivia().WithoutTrailingTrivia())
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(body.GetLeadingTrivia()))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(body.GetTrailingTrivia()));
        }
    }
}
