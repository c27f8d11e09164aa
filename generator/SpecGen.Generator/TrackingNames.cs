namespace SpecGen.Generator;

/// <summary>Names of the pipeline steps, so that tests can prove what the driver cached.</summary>
internal static class TrackingNames
{
    public const string TestingReference = nameof(TestingReference);
    public const string Settings = nameof(Settings);
    public const string SpecFiles = nameof(SpecFiles);
    public const string Services = nameof(Services);
    public const string Interfaces = nameof(Interfaces);
    public const string NameCheck = nameof(NameCheck);
    public const string Emit = nameof(Emit);
    public const string Clients = nameof(Clients);
}
