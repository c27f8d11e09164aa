namespace SpecGen.Tests.Architecture;

/// <summary>A set of places: the files of a folder, a project, an assembly or a namespace.</summary>
internal sealed class Where
{
    private readonly Func<Place, bool> _test;

    private Where(string description, Func<Place, bool> test)
    {
        Description = description;
        _test = test;
    }

    public string Description { get; }

    public bool Matches(Place place) => _test(place);

    /// <summary>The files under <paramref name="folder"/> of a project, at any depth.</summary>
    public static Where Folder(string project, string folder)
        => new($"{project}/{folder}/", p => p.Project == project && p.Path!.StartsWith(folder + "/", StringComparison.Ordinal));

    /// <summary>The files directly in the project's folder, outside every subfolder.</summary>
    public static Where ProjectRoot(string project)
        => new($"{project}/*.cs", p => p.Project == project && !p.Path!.Contains('/', StringComparison.Ordinal));

    /// <summary>
    /// The files of a project whose path matches <paramref name="pattern"/>, where <c>*</c> stands
    /// for any characters but '/' (<c>Binding/ModelBinder*.cs</c> is the binder's partial files).
    /// </summary>
    public static Where File(string project, string pattern)
    {
        var regex = new System.Text.RegularExpressions.Regex(
            "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", "[^/]*", StringComparison.Ordinal) + "$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        return new($"{project}/{pattern}", p => p.Project == project && regex.IsMatch(p.Path!));
    }

    public static Where Project(string project) => new($"{project}/", p => p.Project == project);

    /// <summary>An assembly, compiled here from source or referenced.</summary>
    public static Where Assembly(string name) => new($"[{name}]", p => p.Assembly == name);

    /// <summary>A namespace and the namespaces inside it, in any assembly.</summary>
    public static Where Namespace(string name)
        => new(name, p => p.Namespace == name || p.Namespace.StartsWith(name + ".", StringComparison.Ordinal));

    public static Where operator |(Where left, Where right)
        => new($"{left.Description} or {right.Description}", p => left.Matches(p) || right.Matches(p));

    /// <summary>This set without <paramref name="excluded"/>.</summary>
    public Where Except(Where excluded) => new($"{Description} except {excluded.Description}", p => Matches(p) && !excluded.Matches(p));

    public override string ToString() => Description;
}

/// <summary>A use that a rule forbids but lets pass for now, and why: the list a lead tightens.</summary>
internal sealed record Allowance(Where From, Where To, string Why)
{
    public bool Covers(Dependency dependency) => From.Matches(dependency.From) && To.Matches(dependency.To);

    public override string ToString() => $"{From} may use {To} ({Why})";
}

/// <summary>
/// Code in <see cref="From"/> uses nothing in <see cref="Forbidden"/>, unless an <see cref="Allowance"/>
/// covers the use.
/// </summary>
internal sealed record LayerRule(string Name, Where From, Where Forbidden, IReadOnlyList<Allowance>? Allowances = null)
{
    public IReadOnlyList<Allowance> Allowed => Allowances ?? [];

    /// <summary>The uses that break the rule, each with the file, line, symbol and where the symbol lives.</summary>
    public IReadOnlyList<Dependency> Violations(IEnumerable<Dependency> dependencies)
        => dependencies
            .Where(d => From.Matches(d.From) && Forbidden.Matches(d.To) && !Allowed.Any(a => a.Covers(d)))
            .OrderBy(d => d.From.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ToArray();

    /// <summary>The allowances that no use needs any more: each one can be deleted, and the rule tightened.</summary>
    public IReadOnlyList<Allowance> UnusedAllowances(IEnumerable<Dependency> dependencies)
    {
        Dependency[] uses = dependencies.Where(d => From.Matches(d.From) && Forbidden.Matches(d.To)).ToArray();
        return Allowed.Where(a => !uses.Any(a.Covers)).ToArray();
    }

    public override string ToString() => $"{Name}: {From} uses nothing in {Forbidden}";
}
