using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>Where a request field travels.</summary>
internal enum FieldPosition
{
    Body,
    Query,
    Path,
    Header,
}

/// <summary>What a generated class stands for.</summary>
internal enum ClassKind
{
    Request,
    Response,

    /// <summary>An entry of <c>types</c>.</summary>
    Named,

    /// <summary>An object described inline with <c>fields:</c>.</summary>
    Inline,
}

internal enum RuleKind
{
    AtLeastOne,
    ExactlyOne,
}

/// <summary>The result of parsing one YAML file: at most one of the two specs, and what went wrong.</summary>
internal sealed record ParsedSpecFile(
    string FilePath,
    ServiceSpec? Service,
    InterfaceSpec? Interface,
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What the interfaces of one folder share (<c>service.yaml</c>).</summary>
/// <param name="Location">The <c>service:</c> value, or the file start, to place diagnostics about the service.</param>
internal sealed record ServiceSpec(
    string Directory,
    string? Name,
    string? Namespace,
    string? BaseUrl,
    EnvelopeSpec? Envelope,
    LocationInfo Location);

/// <summary>The success convention of the responses of a service.</summary>
/// <param name="CodeField">The JSON name of the response code.</param>
/// <param name="MessageField">The JSON name of the response message, if any.</param>
/// <param name="SuccessValues">The codes that mean success, as the wire writes them.</param>
/// <param name="MissingIsSuccess">True when a response without a code is a success.</param>
internal sealed record EnvelopeSpec(
    string CodeField,
    string? MessageField,
    ImmutableEquatableArray<string> SuccessValues,
    bool MissingIsSuccess);

/// <summary>One HTTP interface, with every class it generates.</summary>
internal sealed record InterfaceSpec(
    string FilePath,
    string Directory,
    string Name,
    string? Title,
    string? Description,
    string Method,
    string Url,
    LocationInfo UrlLocation,
    ImmutableEquatableArray<ClassSpec> Classes,
    ExamplesSpec Examples,
    LocationInfo NameLocation)
{
    public ClassSpec Request => Classes[0];

    public ClassSpec Response => Classes[1];
}

/// <summary>A generated DTO class.</summary>
internal sealed record ClassSpec(
    string Name,
    ClassKind Kind,
    string SpecName,
    ImmutableEquatableArray<FieldSpec> Fields,
    ImmutableEquatableArray<RuleSpec> Rules,
    LocationInfo Location);

/// <summary>One row of a parameter table.</summary>
/// <remarks>
/// <c>Token</c> marks a request field that the client fills from the registered token provider
/// when the caller leaves it empty, as the CEC pages' <c>authToken</c>.
/// </remarks>
internal sealed record FieldSpec(
    string JsonName,
    string PropertyName,
    TypeRef Type,
    string TypeText,
    FieldPosition Position,
    bool Mandatory,
    bool Secret,
    bool Token,
    string? Description,
    ConstraintsSpec Constraints,
    LocationInfo Location);

/// <summary>The constraints of a field, as the spec writes them.</summary>
internal sealed record ConstraintsSpec(
    ImmutableEquatableArray<string> Values,
    string? Default,
    string? Format,
    string? Pattern,
    int? MinLength,
    int? MaxLength,
    decimal? Minimum,
    decimal? Maximum,
    int? MinItems,
    int? MaxItems);

/// <summary>A rule over request fields, such as <c>atLeastOne: [callId, userMobile]</c>.</summary>
/// <param name="Kind">Which rule.</param>
/// <param name="Fields">The JSON names the rule lists.</param>
/// <param name="Location">The list of names.</param>
/// <param name="FieldLocations">Each name, so that an unknown one is reported on its own line.</param>
internal sealed record RuleSpec(RuleKind Kind, ImmutableEquatableArray<string> Fields, LocationInfo Location, ImmutableEquatableArray<LocationInfo> FieldLocations);

/// <summary>The page's example JSON, comments allowed.</summary>
internal sealed record ExamplesSpec(string? Request, LocationInfo? RequestLocation, string? Response, LocationInfo? ResponseLocation)
{
    public static readonly ExamplesSpec None = new(null, null, null, null);
}
