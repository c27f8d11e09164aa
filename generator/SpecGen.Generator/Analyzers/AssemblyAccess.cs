using System.Runtime.CompilerServices;

// The code fixes read the diagnostic IDs and property keys; the analyzer tests reach the rule model.
[assembly: InternalsVisibleTo("SpecGen.CodeFixes")]
[assembly: InternalsVisibleTo("SpecGen.Analyzers.Tests")]
