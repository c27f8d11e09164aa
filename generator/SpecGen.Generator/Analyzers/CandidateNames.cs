using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SpecGen.Generator.Common;

namespace SpecGen.Generator.Analyzers;

/// <summary>
/// Answers "may this simple name be a SpecGen type or member?" for one compilation. Syntax callbacks
/// ask it before they ask the semantic model anything, so a method that never mentions a SpecGen type
/// or member is never bound for these analyzers. Each name is looked up once, by name, in the
/// compiler's declaration table, so the cost follows the names the code uses, not the size of the project.
/// </summary>
internal sealed class CandidateNames
{
    private const string RuntimeAssemblyName = KnownNames.RuntimeAssembly;

    private readonly Compilation _compilation;
    private readonly SpecSymbols _symbols;
    private readonly ConcurrentDictionary<string, bool> _creationTypes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _checkedMembers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _ruleTypeMembers = new(StringComparer.Ordinal);
    private readonly Lazy<LibraryNames> _libraries;
    private readonly Lazy<Dictionary<string, string>> _aliases;

    public CandidateNames(Compilation compilation, SpecSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
        _libraries = new(() => LibraryNames.Collect(compilation, symbols));
        _aliases = new(() => CollectAliases(compilation));
    }

    /// <summary>A type of this name has creation rules (mandatory members, groups).</summary>
    public bool IsCreationType(string name)
        => _creationTypes.GetOrAdd(name, n =>
        {
            foreach (ISymbol symbol in _compilation.GetSymbolsWithName(n, SymbolFilter.Type))
            {
                if (symbol is INamedTypeSymbol type && _symbols.GetTypeRules(type).HasCreationRules)
                {
                    return true;
                }
            }

            // using Request = Cec.Chatbot.QueryTransferRecordHistoryRequest; "Request" names the type too.
            return _libraries.Value.CreationTypes.Contains(n)
                || (_aliases.Value.TryGetValue(n, out string? target) && target != n && IsCreationType(target));
        });

    /// <summary>A member of this name has checks on the constants assigned to it (mandatory, values, format).</summary>
    public bool IsCheckedMember(string name)
        => _checkedMembers.GetOrAdd(name, n =>
        {
            foreach (ISymbol symbol in _compilation.GetSymbolsWithName(n, SymbolFilter.Member))
            {
                if (_symbols.GetMemberRules(symbol) is { HasConstantChecks: true })
                {
                    return true;
                }
            }

            return _libraries.Value.CheckedMembers.Contains(n);
        });

    /// <summary>A member of this name belongs to a type with rules: for <c>new()</c>, which names no type.</summary>
    public bool IsRuleTypeMember(string name)
        => _ruleTypeMembers.GetOrAdd(name, n =>
        {
            foreach (ISymbol symbol in _compilation.GetSymbolsWithName(n, SymbolFilter.Member))
            {
                if (symbol.ContainingType is { } type && _symbols.GetTypeRules(type) != TypeRules.None)
                {
                    return true;
                }
            }

            return _libraries.Value.RuleTypeMembers.Contains(n);
        });

    private static Dictionary<string, string> CollectAliases(Compilation compilation)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax root)
            {
                AddAliases(root.Usings, aliases);
                AddAliases(root.Members, aliases);
            }
        }

        return aliases;
    }

    private static void AddAliases(SyntaxList<MemberDeclarationSyntax> members, Dictionary<string, string> aliases)
    {
        foreach (MemberDeclarationSyntax member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax ns)
            {
                AddAliases(ns.Usings, aliases);
                AddAliases(ns.Members, aliases);
            }
        }
    }

    private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, Dictionary<string, string> aliases)
    {
        foreach (UsingDirectiveSyntax directive in usings)
        {
            if (directive.Alias is { } alias && SyntaxFilter.RightmostName(directive.NamespaceOrType) is { } target)
            {
                aliases[alias.Name.Identifier.ValueText] = target;
            }
        }
    }

    /// <summary>
    /// The names from referenced libraries built against the SpecGen runtime (DTOs shared as a
    /// package), read once; other libraries, the framework included, are never walked.
    /// </summary>
    private sealed class LibraryNames
    {
        public HashSet<string> CreationTypes { get; } = new(StringComparer.Ordinal);

        public HashSet<string> CheckedMembers { get; } = new(StringComparer.Ordinal);

        public HashSet<string> RuleTypeMembers { get; } = new(StringComparer.Ordinal);

        public static LibraryNames Collect(Compilation compilation, SpecSymbols symbols)
        {
            var names = new LibraryNames();
            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (ReferencesRuntime(assembly))
                {
                    names.AddNamespace(assembly.GlobalNamespace, symbols);
                }
            }

            return names;
        }

        private static bool ReferencesRuntime(IAssemblySymbol assembly)
        {
            foreach (IModuleSymbol module in assembly.Modules)
            {
                foreach (AssemblyIdentity reference in module.ReferencedAssemblies)
                {
                    if (reference.Name == RuntimeAssemblyName)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private void AddNamespace(INamespaceSymbol ns, SpecSymbols symbols)
        {
            foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
            {
                if (member is INamespaceSymbol inner)
                {
                    AddNamespace(inner, symbols);
                }
                else if (member is INamedTypeSymbol type)
                {
                    AddType(type, symbols);
                }
            }
        }

        private void AddType(INamedTypeSymbol type, SpecSymbols symbols)
        {
            foreach (INamedTypeSymbol nested in type.GetTypeMembers())
            {
                AddType(nested, symbols);
            }

            TypeRules rules = symbols.GetTypeRules(type);
            if (rules == TypeRules.None)
            {
                return;
            }

            if (rules.HasCreationRules)
            {
                CreationTypes.Add(type.Name);
            }

            foreach (MemberRules member in rules.Members)
            {
                RuleTypeMembers.Add(member.Name);
                if (member.HasConstantChecks)
                {
                    CheckedMembers.Add(member.Name);
                }
            }

            foreach (var group in rules.AtLeastOne)
            {
                RuleTypeMembers.UnionWith(group);
            }

            foreach (var group in rules.ExactlyOne)
            {
                RuleTypeMembers.UnionWith(group);
            }
        }
    }
}
