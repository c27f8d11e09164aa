using SpecGen.Generator.Binding;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Hosting;

/// <summary>
/// The generator's rules on single spec values, for tools that write specs: a tool that asks here
/// refuses exactly what a build would refuse, with the build's own reason.
/// </summary>
internal static class SpecRules
{
    /// <summary>Null when <paramref name="url"/> may be an interface's <c>url</c>; else why not (SPEC0023), as a phrase.</summary>
    public static string? UrlProblem(string url) => SpecUrls.Problem(url);

    /// <summary>The C# name the binder gives a spec name (<c>queryflows</c> to <c>Queryflows</c>), for a tool that proposes names a build will keep.</summary>
    public static string CSharpName(string specName) => CSharpNames.ToPascalCase(specName);

    /// <summary>Why the client sets the request header <paramref name="headerName"/> itself (SPEC0033), or null when a spec declares it as a field.</summary>
    public static string? ClientOwnedHeader(string headerName) => ClientOwnedHeaders.Reason(headerName);
}
