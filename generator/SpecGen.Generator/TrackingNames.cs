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

    /// <summary>Each interface's emit model alone, without what only places diagnostics.</summary>
    public const string Models = nameof(Models);
    public const string NameCheck = nameof(NameCheck);

    /// <summary>Each file's name clashes, placed at its own locations.</summary>
    public const string NameClashes = nameof(NameClashes);
    public const string Emit = nameof(Emit);
    public const string Clients = nameof(Clients);
}
