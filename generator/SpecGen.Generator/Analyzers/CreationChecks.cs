using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Analyzers;

/// <summary>
/// SPEC1001, SPEC1005 and SPEC1006: a new object whose mandatory members or member groups are not
/// satisfied once it is created and filled in the same block (or when it is sent, whichever comes first);
/// SPEC1007 where a mandatory token member is left to the token provider.
/// </summary>
internal static class CreationChecks
{
    public static void Analyze(IObjectCreationOperation creation, SpecSymbols symbols, Action<Diagnostic> report)
    {
        if (creation.Type is null || ConstructorMaySetMembers(creation.Constructor))
        {
            return;
        }

        TypeRules rules = symbols.GetTypeRules(creation.Type);
        if (!rules.HasCreationRules)
        {
            return;
        }

        var assigned = new Dictionary<string, AssignedState>(StringComparer.Ordinal);
        if (!CreationSite.TryCollectAssignments(creation, symbols, assigned))
        {
            return;
        }

        Location location = NewExpressionLocation(creation.Syntax);
        string typeName = creation.Type.Name;

        // A member set to null or "" is reported on its value (SPEC1002), not again here.
        MemberRules[] missing = rules.Members.Where(m => m.MustBeSetAtCreation && !assigned.ContainsKey(m.Name)).ToArray();
        if (missing.Length > 0)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(
                SpecUsageProperties.MissingMembers,
                string.Join(SpecUsageProperties.Separator.ToString(), missing.Select(m => m.Name)));
            string members = (missing.Length == 1 ? "member " : "members ") + string.Join(", ", missing.Select(m => m.Display));
            report(Diagnostic.Create(DiagnosticDescriptors.MissingMandatoryMember, location, properties, typeName, members));
        }

        // SPEC1007, an Info: the token member is mandatory too, but the client fills it when a token provider is registered.
        foreach (MemberRules token in rules.Members)
        {
            if (token.IsLeftToTokenProvider && !assigned.ContainsKey(token.Name))
            {
                var properties = ImmutableDictionary<string, string?>.Empty.Add(SpecUsageProperties.MissingMembers, token.Name);
                report(Diagnostic.Create(DiagnosticDescriptors.TokenMemberLeftToProvider, location, properties, typeName, token.Name, token.JsonName));
            }
        }

        foreach (ImmutableArray<string> group in rules.AtLeastOne)
        {
            ReportEmptyGroup(report, rules, group, assigned, location, typeName, "at least one");
        }

        foreach (ImmutableArray<string> group in rules.ExactlyOne)
        {
            ReportEmptyGroup(report, rules, group, assigned, location, typeName, "exactly one");
            string[] present = group.Where(name => assigned.TryGetValue(name, out AssignedState state) && state == AssignedState.Present).ToArray();
            if (present.Length > 1)
            {
                report(Diagnostic.Create(
                    DiagnosticDescriptors.TooManyExactlyOneMembersSet, location, typeName, Describe(rules, present, " and "), Describe(rules, group, ", ")));
            }
        }
    }

    private static void ReportEmptyGroup(
        Action<Diagnostic> report, TypeRules rules, ImmutableArray<string> group, Dictionary<string, AssignedState> assigned, Location location, string typeName, string howMany)
    {
        foreach (string name in group)
        {
            if ((assigned.TryGetValue(name, out AssignedState state) && state != AssignedState.Nothing) || rules.Find(name) is { HasInitializer: true })
            {
                return;
            }
        }

        report(Diagnostic.Create(DiagnosticDescriptors.NoGroupMemberSet, location, typeName, Describe(rules, group, ", "), howMany));
    }

    private static string Describe(TypeRules rules, IEnumerable<string> names, string separator)
        => string.Join(separator, names.Select(name => rules.Find(name)?.Display ?? "'" + name + "'"));

    // A constructor with parameters or a body in source may set members; the analyzer does not read it.
    private static bool ConstructorMaySetMembers(IMethodSymbol? constructor)
        => constructor is null
            || constructor.Parameters.Length > 0
            || (!constructor.IsImplicitlyDeclared && !constructor.DeclaringSyntaxReferences.IsEmpty);

    // "new Request()" or "new()": the diagnostic underlines the creation, not the whole initializer.
    private static Location NewExpressionLocation(SyntaxNode syntax)
    {
        SyntaxNode? end = syntax switch
        {
            ObjectCreationExpressionSyntax explicitNew => (SyntaxNode?)explicitNew.ArgumentList ?? explicitNew.Type,
            ImplicitObjectCreationExpressionSyntax implicitNew => implicitNew.ArgumentList,
            _ => null,
        };
        return end is null
            ? syntax.GetLocation()
            : Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end.Span.End));
    }
}
