using System.Linq;
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

/// <summary>What a table of the spec stands for.</summary>
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

/// <summary>
/// One HTTP interface as its YAML file says it; <c>RespondsWithFile</c> when <c>responseBody: file</c>
/// says that a successful answer is a file, which the <c>response</c> table does not describe (it
/// describes the error-code JSON).: names as written, no C# names (binding makes
/// those), and only what passed the spec's checks: a field, value or rule with a SPEC error is
/// reported and left out, so nothing broken reaches the emitters.
/// </summary>
internal sealed record InterfaceSpec(
    string FilePath,
    string Directory,
    string Name,
    LocationInfo NameLocation,
    string? Title,
    string? Description,
    string Method,
    string Url,
    LocationInfo UrlLocation,
    ImmutableEquatableArray<ClassSpec> Classes,
    ExamplesSpec Examples,
    bool RespondsWithFile = false)
{
    public ClassSpec Request => Classes[0];

    public ClassSpec Response => Classes[1];

    /// <summary>True when a request field has type File: the body is <c>multipart/form-data</c>.</summary>
    public bool SendsForm => Request.Fields.Any(f => f.Type.Kind == SpecTypeKind.File);

    /// <summary>True when the spec says enough to call the interface.</summary>
    public bool IsCallable => Method.Length > 0 && Url.Length > 0;
}

/// <summary>A table: the request, the response, a <c>types</c> entry or an inline object.</summary>
/// <param name="Id">Identifies the table within its file; <see cref="TypeRef.ClassId"/> refers to it.</param>
/// <param name="Kind">What the table stands for.</param>
/// <param name="SpecName">The <c>types</c> key, or the JSON name of the field that holds an inline object.</param>
/// <param name="TypeName">The field's <c>typeName:</c> for an inline object, if set.</param>
/// <param name="Owner">For an inline object, the table and field that hold it.</param>
internal sealed record ClassSpec(
    string Id,
    ClassKind Kind,
    string SpecName,
    string? TypeName,
    InlineOwner? Owner,
    ImmutableEquatableArray<FieldSpec> Fields,
    ImmutableEquatableArray<RuleSpec> Rules,
    LocationInfo Location);

/// <summary>The table and field that describe an inline object.</summary>
internal sealed record InlineOwner(string ClassId, string FieldJsonName);

/// <summary>One row of a parameter table.</summary>
/// <remarks>
/// <c>Token</c> marks a request field that the client fills from the registered token provider
/// when the caller leaves it empty, as the CEC pages' <c>authToken</c>.
/// </remarks>
internal sealed record FieldSpec(
    string JsonName,
    string? CSharpName,
    TypeRef Type,
    string TypeText,
    FieldPosition Position,
    bool Mandatory,
    bool Secret,
    bool Token,
    string? Description,
    ConstraintsSpec Constraints,
    LocationInfo Location);

/// <summary>The constraints of a field, each one checked against the field's type and the others.</summary>
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

    public bool IsEmpty => Request is null && Response is null;
}
