using SpecGen.Generator.Common;

namespace SpecGen.Generator.Model;

/// <summary>
/// One interface's share of its service's JSON context: names only, so that an edit which keeps
/// every class name (a description, a constraint, a field) leaves the context as it was.
/// </summary>
/// <param name="Namespace">The namespace of the service and its DTOs.</param>
/// <param name="ClassName">The context class, such as <c>CecChatbotJsonContext</c>.</param>
/// <param name="FolderName">The spec folder, for the file header.</param>
/// <param name="SourceFile">The spec file, to leave out a file whose names clashed and to order parts stably.</param>
/// <param name="Options">What the consuming compilation's language version allows.</param>
/// <param name="Types">The DTO classes the interface generates, in spec order.</param>
internal sealed record JsonContextPart(
    string Namespace,
    string ClassName,
    string FolderName,
    string SourceFile,
    EmitOptions Options,
    ImmutableEquatableArray<JsonContextType> Types);

/// <summary>A DTO class of the context.</summary>
/// <param name="Name">The class name as declared.</param>
/// <param name="TypeName">The class, <c>global::</c>-qualified.</param>
internal sealed record JsonContextType(string Name, string TypeName);

/// <summary>The JSON context of one service, as the emitter writes it.</summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="FolderNames">The spec folders whose DTOs it lists, for the header.</param>
/// <param name="Properties">One property per DTO, ordered by spec file and then as each spec lists its classes.</param>
internal sealed record JsonContextModel(
    string HintName,
    string FolderNames,
    string Namespace,
    string ClassName,
    EmitOptions Options,
    ImmutableEquatableArray<JsonContextProperty> Properties);

/// <summary>The <c>JsonTypeInfo&lt;T&gt;</c> property of one DTO.</summary>
/// <param name="PropertyName">The property, the class name unless that names a member the context already has.</param>
/// <param name="FieldName">The field that caches it.</param>
/// <param name="TypeName">The DTO class, <c>global::</c>-qualified.</param>
internal sealed record JsonContextProperty(string PropertyName, string FieldName, string TypeName);
