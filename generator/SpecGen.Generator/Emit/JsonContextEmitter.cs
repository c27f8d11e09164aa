using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes a service's <c>JsonSerializerContext</c>, in the shape System.Text.Json's own generator
/// gives one: a <c>Default</c> instance, a cached <c>JsonTypeInfo&lt;T&gt;</c> property per DTO, and
/// <c>IJsonTypeInfoResolver.GetTypeInfo</c> for any options, so that it composes with other resolvers.
/// Each type's metadata is a value info over the DTO's generated converter: no reflection at all.
/// </summary>
internal static class JsonContextEmitter
{
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";
    private const string TypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
    private const string Resolver = "global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver";

    public static string Emit(JsonContextModel model)
    {
        var writer = new SourceWriter();
        InterfaceEmitter.WriteHeader(writer, model.Options, "the specs of folder " + model.FolderNames);
        string nullable = model.Options.NullableMark;
        string context = $"global::{model.Namespace}.{model.ClassName}";

        writer.OpenBlock($"namespace {model.Namespace}");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The System.Text.Json metadata of this service's DTOs, built on their generated readers and writers");
        writer.WriteLine("/// without reflection: <see cref=\"global::System.Text.Json.JsonSerializer\"/> calls that take it are trimming- and Native AOT-safe.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine($"/// Pass a property to the serializer, <c>JsonSerializer.Serialize(value, {model.ClassName}.Default.X)</c>, or make");
        writer.WriteLine($"/// <see cref=\"Default\"/> the options' type info resolver, alone or in <c>JsonTypeInfoResolver.Combine({model.ClassName}.Default, ...)</c>.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(InterfaceEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {model.ClassName} : global::System.Text.Json.Serialization.JsonSerializerContext, {Resolver}");
        // Default gets a copy, as System.Text.Json's contexts do: binding options to a context freezes them.
        writer.WriteLine($"private static readonly {Options} s_defaultOptions = new {Options}();");
        foreach (JsonContextProperty property in model.Properties)
        {
            writer.WriteLine($"private {TypeInfo}<{property.TypeName}>{nullable} {property.FieldName};");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The context over default options, which every property of it uses.</summary>");
        writer.WriteLine($"public static {context} Default {{ get; }} = new {context}(new {Options}(s_defaultOptions));");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The options <see cref=\"Default\"/> starts from.</summary>");
        writer.WriteLine($"protected override {Options}{nullable} GeneratedSerializerOptions {{ get; }} = s_defaultOptions;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates a context over default options.</summary>");
        writer.OpenBlock($"public {model.ClassName}() : base(null)");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates a context over <paramref name=\"options\"/>, which becomes read-only and resolves through this context.</summary>");
        writer.WriteLine("/// <param name=\"options\">Options no serializer call has used yet.</param>");
        writer.OpenBlock($"public {model.ClassName}({Options} options) : base(options)");
        writer.CloseBlock();
        writer.WriteLine();

        foreach (JsonContextProperty property in model.Properties)
        {
            string info = $"{TypeInfo}<{property.TypeName}>";
            writer.WriteLine($"/// <summary>The metadata of <see cref=\"{property.TypeName}\"/>.</summary>");
            writer.WriteLine($"public {info} {property.PropertyName}");
            writer.WriteLine($"    => this.{property.FieldName} ?? (this.{property.FieldName} = ({info})this.Options.GetTypeInfo(typeof({property.TypeName})));");
            writer.WriteLine();
        }

        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public override {TypeInfo}{nullable} GetTypeInfo(global::System.Type type)");
        writer.WriteLine($"{TypeInfo}{nullable} typeInfo;");
        writer.WriteLine("this.Options.TryGetTypeInfo(type, out typeInfo);");
        writer.WriteLine("return typeInfo;");
        writer.CloseBlock();
        writer.WriteLine();

        // Explicit, for any options: JsonTypeInfoResolver.Combine hands the caller's options, not this context's.
        writer.OpenBlock($"{TypeInfo}{nullable} {Resolver}.GetTypeInfo(global::System.Type type, {Options} options)");
        foreach (JsonContextProperty property in model.Properties)
        {
            writer.WriteLine($"if (type == typeof({property.TypeName})) return {KnownNames.Runtime}.SpecJsonTypeInfo.Create<{property.TypeName}>(options, new {property.TypeName}.{KnownNames.JsonConverter}(), this);");
        }

        writer.WriteLine("return null;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
