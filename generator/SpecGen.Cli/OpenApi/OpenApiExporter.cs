using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SpecGen.Generator.Hosting;
using SpecGen.Generator.Spec;

namespace SpecGen.Cli.OpenApi;

/// <summary>What the export could not say in OpenAPI's own words, for the command's output.</summary>
internal sealed record ExportNote(string Folder, string Where, string What);

/// <summary>
/// Writes the OpenAPI 3.0 document of service folders from the model the generator parses: paths and
/// operations, Path/Query/Header fields as parameters, Body fields and types as component schemas,
/// constraints as JSON Schema keywords, rules as anyOf/oneOf of required sets, and what OpenAPI has no
/// word for (the envelope, the token flow, date patterns) as <c>x-specgen-</c> extensions and text.
/// </summary>
internal sealed class OpenApiExporter
{
    private const string Json = "application/json";
    private const string Multipart = "multipart/form-data";
    private const string Binary = "application/octet-stream";

    private readonly List<ExportNote> _notes = [];
    private readonly OpenApiDocument _document;

    private OpenApiExporter(string title, string description)
    {
        _document = new OpenApiDocument
        {
            Info = new OpenApiInfo { Title = title, Version = "1.0.0", Description = description },
            Paths = new OpenApiPaths(),
            Components = new OpenApiComponents(),
            Servers = new List<OpenApiServer>(),
        };
    }

    /// <summary>One document for one folder.</summary>
    public static (OpenApiDocument Document, IReadOnlyList<ExportNote> Notes) Export(SpecFolder folder)
        => Export([folder], folder.Service?.Name ?? folder.Name);

    /// <summary>
    /// One document for several folders. A schema is named as its generated class; a class name that
    /// two namespaces both generate is written as the full name (<c>Shop.Api.Item</c>) in each.
    /// </summary>
    public static (OpenApiDocument Document, IReadOnlyList<ExportNote> Notes) Export(IReadOnlyList<SpecFolder> folders, string title)
    {
        var exporter = new OpenApiExporter(title, Describe(folders));
        HashSet<string> shared = SharedSchemaNames(folders);
        foreach (SpecFolder folder in folders)
        {
            exporter.Add(folder, shared);
        }

        if (folders.Count == 1)
        {
            exporter.AddServiceExtensions(folders[0], exporter._document.Extensions ??= new Dictionary<string, IOpenApiExtension>());
        }

        return (exporter._document, exporter._notes);
    }

    private static string Describe(IReadOnlyList<SpecFolder> folders)
        => $"Written by specgen from the SpecGen specs of {string.Join(", ", folders.Select(f => "spec/" + f.Name))}. "
        + "A mandatory field must be transferred and must not be null or an empty string: the reference pages count an empty string as not transferred, which JSON Schema's `required` alone does not say.";

    /// <summary>The class names that more than one namespace generates.</summary>
    private static HashSet<string> SharedSchemaNames(IReadOnlyList<SpecFolder> folders)
        => folders
            .SelectMany(f => f.Interfaces)
            .SelectMany(i => i.Classes)
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .Where(g => g.Select(c => c.FullName).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

    private void Add(SpecFolder folder, HashSet<string> shared)
    {
        if (folder.Service?.BaseUrl is { } baseUrl && !_document.Servers!.Any(s => s.Url == baseUrl))
        {
            _document.Servers!.Add(Server(baseUrl));
        }

        foreach (HostedInterface hosted in folder.Interfaces)
        {
            new InterfaceExport(this, folder, hosted, cls => shared.Contains(cls.Name) ? cls.FullName : cls.Name).Add();
        }
    }

    /// <summary><c>https://{host}:{port}</c> with a variable, and a default, for each placeholder.</summary>
    private static OpenApiServer Server(string baseUrl)
    {
        var server = new OpenApiServer { Url = baseUrl, Description = "The address as the reference pages write it; each placeholder is a server variable.", Variables = new Dictionary<string, OpenApiServerVariable>() };
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(baseUrl, @"\{(?<name>[^{}]+)\}"))
        {
            string name = match.Groups["name"].Value;
            server.Variables[name] = new OpenApiServerVariable
            {
                Default = name.ToUpperInvariant() switch { "HOST" or "IP" or "DOMAIN" => "localhost", "PORT" => "443", _ => name },
                Description = $"The {name} of the deployment.",
            };
        }

        return server;
    }

    /// <summary>The envelope and the token flow: conventions of the service that OpenAPI has no keyword for.</summary>
    private void AddServiceExtensions(SpecFolder folder, IDictionary<string, IOpenApiExtension> extensions)
    {
        if (folder.Service?.Envelope is { } envelope)
        {
            var value = new JsonObject
            {
                ["code"] = envelope.CodeField,
                ["success"] = Array(envelope.SuccessValues),
                ["missingIsSuccess"] = envelope.MissingIsSuccess,
            };
            if (envelope.MessageFields.Count > 0)
            {
                value["message"] = Array(envelope.MessageFields);
            }

            extensions["x-specgen-envelope"] = new JsonNodeExtension(value);
            _notes.Add(new ExportNote(folder.Name, "service.yaml envelope", $"an answer with HTTP 200 whose '{envelope.CodeField}' is not {string.Join(" or ", envelope.SuccessValues)} is a failure: written as x-specgen-envelope and in each operation's description"));
        }

        if (folder.Service?.Token is { } token)
        {
            var value = new JsonObject
            {
                ["interface"] = token.Interface,
                ["credentials"] = Array(token.Credentials.Select(c => c.Text)),
                ["token"] = token.TokenField,
                ["unit"] = token.Unit.ToString().ToLowerInvariant(),
                [CarryPlace(token)] = token.CarryCookie ?? token.CarryField,
            };
            if (token.CarryPrefix is { } prefix && token.CarryCookie is null)
            {
                value["prefix"] = prefix;
            }

            if (token.Needs is { } needs)
            {
                value["needs"] = needs;
            }

            if (token.ValidityField is { } validity)
            {
                value["validity"] = validity;
            }

            if (token.DefaultValidity is { } defaultValidity)
            {
                value["default"] = defaultValidity;
            }

            extensions["x-specgen-token-flow"] = new JsonNodeExtension(value);
            _notes.Add(new ExportNote(folder.Name, "service.yaml token", $"calls carry the token that {token.Interface} issues in {(token.CarryInHeader ? "header" : "body field")} '{token.CarryField}': written as x-specgen-token-flow"));
        }

        if (folder.Service?.Signed is { } signed)
        {
            extensions["x-specgen-signed"] = new JsonNodeExtension(new JsonObject { ["header"] = signed.Header });
            _notes.Add(new ExportNote(folder.Name, "service.yaml signed", $"calls carry a signature in header '{signed.Header}' that a registered signer makes: written as x-specgen-signed"));
        }
    }

    private static string CarryPlace(TokenFlowSpec token)
        => token.CarryCookie is not null ? "cookie" : token.CarryInQuery ? "query" : token.CarryInHeader ? "header" : "body";

    internal static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>One interface: its operation, and the schemas of its tables, named as the binder named their classes.</summary>
    private sealed class InterfaceExport(OpenApiExporter exporter, SpecFolder folder, HostedInterface hosted, Func<HostedClass, string> schemaName)
    {
        private readonly InterfaceSpec _spec = hosted.Spec;

        private OpenApiDocument Document => exporter._document;

        public void Add()
        {
            Document.Components!.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            foreach (HostedClass cls in hosted.Classes)
            {
                // A body that is a list (a '-' row) is written inline where it is used, as an array schema.
                if (WholeBody.Of(cls.Spec) is null)
                {
                    Document.Components.Schemas[schemaName(cls)] = Schema(cls);
                }
            }

            string path = _spec.Url.Split('?')[0];
            if (!Document.Paths.TryGetValue(path, out IOpenApiPathItem? found) || found is not OpenApiPathItem item)
            {
                item = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation>() };
                Document.Paths[path] = item;
            }

            var method = new HttpMethod(_spec.Method.ToUpperInvariant());
            if (item.Operations!.ContainsKey(method))
            {
                throw new InvalidOperationException($"{_spec.Method} {path} is declared twice ({_spec.FilePath})");
            }

            item.Operations[method] = Operation();
        }

        private OpenApiOperation Operation()
        {
            ClassSpec request = _spec.Request;
            string tag = folder.Service?.Name ?? folder.Name;
            Document.Tags ??= new HashSet<OpenApiTag>();
            if (!Document.Tags.Any(t => t.Name == tag))
            {
                Document.Tags.Add(new OpenApiTag { Name = tag });
            }

            var operation = new OpenApiOperation
            {
                OperationId = hosted.Name,
                Summary = _spec.Title,
                Description = OperationDescription(),
                Tags = new HashSet<OpenApiTagReference> { new(tag, Document) },
                Parameters = request.Fields.Where(f => f.Position != FieldPosition.Body).Select(Parameter).ToList<IOpenApiParameter>(),
                Responses = new OpenApiResponses(),
            };
            if (request.Fields.Any(f => f.Position == FieldPosition.Body))
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = request.Fields.Any(f => f.Position == FieldPosition.Body && f.Mandatory),
                    // A File field makes the body multipart/form-data: its schema's File properties are format: binary.
                    Content = new Dictionary<string, OpenApiMediaType> { [_spec.SendsForm ? Multipart : Json] = Media(request, _spec.SendsForm ? null : hosted.Example(response: false)) },
                };
            }

            var answered = new OpenApiResponse
            {
                Description = WholeBody.Of(_spec.Response) is not null
                    ? "Answered with a JSON array, which has no envelope: the HTTP status is its success"
                        + (folder.Service?.Envelope is { } errors ? $"; a JSON object in its place is an error, its code in '{errors.CodeField}'." : ".")
                    : folder.Service?.Envelope is { } envelope
                    ? $"Answered. A success only when '{envelope.CodeField}' is {string.Join(" or ", envelope.SuccessValues)}{(envelope.MissingIsSuccess ? " or absent" : string.Empty)}."
                    : "Answered.",
                Content = new Dictionary<string, OpenApiMediaType> { [Json] = Media(_spec.Response, hosted.Example(response: true)) },
            };
            if (_spec.RespondsWithFile)
            {
                // One status, two bodies: the file, or the error-code JSON the response table describes.
                answered.Description = "The file on success; else the error-code JSON of the response table" + (folder.Service?.Envelope is { } fileEnvelope ? $", whose '{fileEnvelope.CodeField}' is not {string.Join(" or ", fileEnvelope.SuccessValues)}." : ".");
                answered.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [Binary] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    [Json] = Media(_spec.Response, hosted.Example(response: true)),
                };
            }

            foreach (FieldSpec header in _spec.Response.Fields.Where(f => f.Position == FieldPosition.Header))
            {
                answered.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
                answered.Headers[header.JsonName] = new OpenApiHeader { Description = header.Description, Required = header.Mandatory, Schema = FieldSchema(header, describe: false) };
            }

            operation.Responses["200"] = answered;
            return operation;
        }

        private string? OperationDescription()
        {
            var parts = new List<string>();
            if (_spec.Description is { Length: > 0 } description)
            {
                parts.Add(description);
            }

            foreach (RuleSpec rule in _spec.Request.Rules)
            {
                parts.Add(RuleText(rule));
            }

            return parts.Count == 0 ? null : string.Join("\n\n", parts);
        }

        private static string RuleText(RuleSpec rule)
            => $"{(rule.Kind == RuleKind.AtLeastOne ? "At least one" : "Exactly one")} of {string.Join(", ", rule.Fields)} must be transferred (an empty string counts as not transferred).";

        private OpenApiMediaType Media(ClassSpec cls, ExampleJsonValue? example)
            => new()
            {
                Schema = WholeBody.Of(cls) is { } whole ? FieldSchema(whole, describe: true) : Ref(Name(cls.Id)),
                Example = example is null ? null : JsonAny.FromExample(example),
            };

        /// <summary>The schema of a table's class; every table of a spec without errors has one.</summary>
        private string Name(string classId)
            => hosted.ClassOf(classId) is { } cls ? schemaName(cls) : throw new InvalidOperationException($"{_spec.FilePath}: table '{classId}' generates no class");

        private OpenApiParameter Parameter(FieldSpec field)
        {
            var parameter = new OpenApiParameter
            {
                Name = field.JsonName,
                In = field.Position switch
                {
                    FieldPosition.Path => ParameterLocation.Path,
                    FieldPosition.Header => ParameterLocation.Header,
                    _ => ParameterLocation.Query,
                },
                Required = field.Mandatory || field.Position == FieldPosition.Path,
                Description = field.Description,
                Schema = FieldSchema(field, describe: false),
            };
            if (field.Type.Kind == SpecTypeKind.List)
            {
                parameter.Style = ParameterStyle.Form;
                parameter.Explode = true;
            }

            return parameter;
        }

        private OpenApiSchema Schema(HostedClass hostedClass)
        {
            ClassSpec cls = hostedClass.Spec;
            var schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Title = cls.Kind == ClassKind.Named ? cls.SpecName : null,
                Description = cls.Kind switch
                {
                    ClassKind.Request => $"The request of {_spec.Name}{(_spec.Request.Fields.Any(f => f.Position != FieldPosition.Body) ? "; its Path, Query and Header fields are the operation's parameters" : string.Empty)}.",
                    ClassKind.Response => $"The response of {_spec.Name}.",
                    ClassKind.Named => $"The '{cls.SpecName}' type of {_spec.Name}.",
                    _ => $"The '{cls.Owner!.FieldJsonName}' object of {_spec.Name}.",
                },
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
                Required = new HashSet<string>(StringComparer.Ordinal),
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-specgen-csharp-type"] = new JsonNodeExtension(hostedClass.FullName) },
            };
            foreach (FieldSpec field in hostedClass.Properties.Select(p => p.Spec).Where(f => f.Position == FieldPosition.Body))
            {
                schema.Properties[field.JsonName] = FieldSchema(field, describe: true);
                if (field.Mandatory)
                {
                    schema.Required.Add(field.JsonName);
                }
            }

            foreach (RuleSpec rule in cls.Rules)
            {
                AddRule(schema, cls, rule);
            }

            return schema;
        }

        /// <summary>atLeastOne as anyOf, exactlyOne as oneOf, of one required set per field; a rule over parameters only as text.</summary>
        private void AddRule(OpenApiSchema schema, ClassSpec cls, RuleSpec rule)
        {
            schema.Description += " " + RuleText(rule);
            bool allBody = rule.Fields.All(f => cls.Fields.Any(field => field.JsonName == f && field.Position == FieldPosition.Body));
            if (!allBody)
            {
                exporter._notes.Add(new ExportNote(folder.Name, $"{_spec.Name} rules", $"'{RuleText(rule)}' names Path, Query or Header fields, which a schema cannot constrain: in the description only"));
                return;
            }

            IList<IOpenApiSchema> sets = rule.Kind == RuleKind.AtLeastOne ? schema.AnyOf ??= [] : schema.OneOf ??= [];
            foreach (string field in rule.Fields)
            {
                sets.Add(new OpenApiSchema { Required = new HashSet<string> { field } });
            }

            exporter._notes.Add(new ExportNote(folder.Name, $"{_spec.Name} rules", $"'{RuleText(rule)}' as {(rule.Kind == RuleKind.AtLeastOne ? "anyOf" : "oneOf")} of required sets; an empty string still satisfies `required`, so the description says it"));
        }

        private IOpenApiSchema FieldSchema(FieldSpec field, bool describe)
        {
            IOpenApiSchema type = TypeSchema(field.Type);
            if (type is not OpenApiSchema schema)
            {
                // A $ref takes no siblings in OpenAPI 3.0: the description rides on an allOf of one.
                return describe && field.Description is not null
                    ? new OpenApiSchema { AllOf = [type], Description = field.Description }
                    : type;
            }

            ConstraintsSpec c = field.Constraints;
            schema.Description = describe ? field.Description : null;
            OpenApiSchema scalar = schema.Type == JsonSchemaType.Array && schema.Items is OpenApiSchema items ? items : schema;
            if (c.Values.Count > 0)
            {
                scalar.Enum = c.Values.Select(value => JsonAny.Scalar(field.Type.Innermost.Kind, value)).ToList();
            }

            if (c.Default is { } defaultValue)
            {
                schema.Default = JsonAny.Scalar(field.Type.Kind, defaultValue);
            }

            scalar.Pattern = c.Pattern;
            scalar.MinLength = c.MinLength;
            scalar.MaxLength = c.MaxLength;
            scalar.Minimum = c.Minimum?.ToString(CultureInfo.InvariantCulture);
            scalar.Maximum = c.Maximum?.ToString(CultureInfo.InvariantCulture);
            schema.MinItems = c.MinItems;
            schema.MaxItems = c.MaxItems;
            if (c.Format is { } format)
            {
                AddFormat(scalar, field, format);
            }

            // A token is a credential whether or not the spec also says secret: true, as the generated code treats it.
            if ((field.Secret || field.Token) && scalar.Type == JsonSchemaType.String)
            {
                scalar.Format = "password";
            }

            if (field.Token)
            {
                (schema.Extensions ??= new Dictionary<string, IOpenApiExtension>())["x-specgen-token"] = new JsonNodeExtension(true);
            }

            return schema;
        }

        /// <summary>A date pattern is a string format OpenAPI does not define; epoch formats keep the integer's own format.</summary>
        private void AddFormat(OpenApiSchema schema, FieldSpec field, string format)
        {
            (schema.Extensions ??= new Dictionary<string, IOpenApiExtension>())["x-specgen-format"] = new JsonNodeExtension(format);
            string text = format switch
            {
                "unix-ms" => "Milliseconds since the Unix epoch.",
                "unix-s" => "Seconds since the Unix epoch.",
                _ => $"Format: {format}.",
            };
            // The page often says the pattern already ("Start time. Format: yyyy-MM-dd HH:mm:ss"): say it once.
            if (schema.Description is null)
            {
                schema.Description = text;
            }
            else if (!schema.Description.Contains(SpecFormats.IsEpoch(format) ? text : format, StringComparison.Ordinal))
            {
                schema.Description += " " + text;
            }
            if (!SpecFormats.IsEpoch(format))
            {
                schema.Format = format;
                exporter._notes.Add(new ExportNote(folder.Name, $"{_spec.Name}.{field.JsonName}", $"the date pattern '{format}' is not an OpenAPI format: written as format, x-specgen-format and in the description; tools will not check it"));
            }
        }

        private IOpenApiSchema TypeSchema(TypeRef type) => type.Kind switch
        {
            SpecTypeKind.String or SpecTypeKind.Date => new OpenApiSchema { Type = JsonSchemaType.String },
            SpecTypeKind.Int32 => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            SpecTypeKind.Int64 => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
            SpecTypeKind.Double => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" },
            SpecTypeKind.Boolean => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            SpecTypeKind.List => new OpenApiSchema { Type = JsonSchemaType.Array, Items = TypeSchema(type.Element!) },
            SpecTypeKind.Map => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = TypeSchema(type.Element!) },
            SpecTypeKind.Class => Ref(Name(type.ClassId!)),
            SpecTypeKind.File => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
            _ => new OpenApiSchema(),
        };

        private OpenApiSchemaReference Ref(string id) => new(id, Document);
    }
}
