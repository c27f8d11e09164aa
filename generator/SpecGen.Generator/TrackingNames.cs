namespace SpecGen.Generator;

/// <summary>Names of the pipeline steps, so that tests can prove what the driver cached.</summary>
internal static class TrackingNames
{
    public const string TestingReference = nameof(TestingReference);
    public const string SpecRoot = nameof(SpecRoot);
    public const string Settings = nameof(Settings);
    public const string OutsideSpecRoot = nameof(OutsideSpecRoot);
    public const string SpecFiles = nameof(SpecFiles);
    public const string Services = nameof(Services);

    /// <summary>Each interface bound: its emit model, declared names, client part and diagnostics.</summary>
    public const string Interfaces = nameof(Interfaces);
    public const string NameCheck = nameof(NameCheck);

    /// <summary>Each interface's diagnostics: binding's, and its name clashes placed at its own locations.</summary>
    public const string InterfaceDiagnostics = nameof(InterfaceDiagnostics);
    public const string Emit = nameof(Emit);
    public const string Clients = nameof(Clients);

    /// <summary>Each interface's class names, its share of its service's JSON context.</summary>
    public const string JsonContextParts = nameof(JsonContextParts);

    /// <summary>The JSON contexts of all services, from those names.</summary>
    public const string JsonContexts = nameof(JsonContexts);

    /// <summary>Each additional file, told a live spec or a baseline file by its <c>SpecGenBaseline</c> metadata.</summary>
    public const string SpecInputs = nameof(SpecInputs);

    /// <summary>Each baseline file (<c>SpecGenBaseline</c>), parsed: an old spec, or the accepted-changes file.</summary>
    public const string BaselineFiles = nameof(BaselineFiles);

    /// <summary>The live specs compared with the baseline: the SPEC0028 warnings.</summary>
    public const string Baseline = nameof(Baseline);
    /// <summary>The problems of the chains of token flows across folders (<c>token.needs</c>).</summary>
    public const string TokenChains = nameof(TokenChains);
    /// <summary>Each spec file, recorded as an assembly attribute for the projects that reference this one.</summary>
    public const string SpecSources = nameof(SpecSources);

    /// <summary>The spec files recorded in referenced assemblies.</summary>
    public const string ReferencedSpecs = nameof(ReferencedSpecs);

    /// <summary>The fakes of the services of referenced assemblies.</summary>
    public const string ReferencedFakes = nameof(ReferencedFakes);
}
