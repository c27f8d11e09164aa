using System.Linq;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes the JSON reading and writing of a DTO over <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>:
/// no reflection, so trimming- and AOT-safe, and a nested converter so that
/// <c>JsonSerializer</c> produces the same JSON as the client.
/// </summary>
internal static class JsonEmitter
{
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string SpecJson = "global::SpecGen.SpecJson";

    public static void Emit(SourceWriter writer, InterfaceModel model, ClassSpec spec)
    {
        FieldSpec[] body = spec.Fields.Where(f => f.Position == FieldPosition.Body).ToArray();
        foreach (FieldSpec field in body)
        {
            writer.WriteLine($"private static readonly global::System.Text.Json.JsonEncodedText {NameField(field)} = global::System.Text.Json.JsonEncodedText.Encode({CSharpText.Literal(field.JsonName)});");
        }

        if (body.Length > 0)
        {
            writer.WriteLine();
        }

        EmitRead(writer, spec, body);
        writer.WriteLine();
        EmitWrite(writer, spec, body);
        writer.WriteLine();
        EmitConverter(writer, model, spec);
    }

    private static string NameField(FieldSpec field) => "s_json" + field.PropertyName.TrimStart('@');

    private static void EmitRead(SourceWriter writer, ClassSpec spec, FieldSpec[] body)
    {
        writer.WriteLine($"/// <summary>Reads a <see cref=\"{spec.Name}\"/> from the JSON object at the reader's current token.</summary>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecJsonException\">The JSON does not have the shape of the spec.</exception>");
        writer.OpenBlock($"internal static {spec.Name} ReadJson(ref {Reader} reader)");
        writer.WriteLine($"{SpecJson}.ExpectStartObject(ref reader);");
        writer.WriteLine($"var value = new {spec.Name}();");
        if (body.Length == 0)
        {
            writer.OpenBlock($"while ({SpecJson}.ReadNextProperty(ref reader))");
            writer.WriteLine($"{SpecJson}.SkipPropertyValue(ref reader);");
            writer.CloseBlock();
            writer.WriteLine("return value;");
            writer.CloseBlock();
            return;
        }

        writer.WriteLine("string property = string.Empty;");
        writer.OpenBlock("try");
        writer.OpenBlock($"while ({SpecJson}.ReadNextProperty(ref reader))");
        bool first = true;
        foreach (FieldSpec field in body)
        {
            writer.OpenBlock($"{(first ? "if" : "else if")} (reader.ValueTextEquals({NameField(field)}.EncodedUtf8Bytes))");
            first = false;
            writer.WriteLine($"property = {CSharpText.Literal(field.JsonName)};");
            writer.WriteLine($"{SpecJson}.MoveToValue(ref reader);");
            string target = "value." + field.PropertyName;
            if (ScalarRead(field.Type) is { } read)
            {
                string orNull = field.Type.Kind == SpecTypeKind.Class ? $"reader.TokenType == {TokenType}.Null ? null : {read}" : read.Replace("(ref reader)", "OrNull(ref reader)");
                writer.WriteLine($"{target} = {orNull};");
            }
            else
            {
                writer.OpenBlock($"if (reader.TokenType == {TokenType}.Null)");
                writer.WriteLine($"{target} = null;");
                writer.CloseBlock();
                writer.OpenBlock("else");
                EmitReadValue(writer, field.Type, target, 0);
                writer.CloseBlock();
            }

            writer.CloseBlock();
        }

        writer.OpenBlock("else");
        writer.WriteLine($"{SpecJson}.SkipPropertyValue(ref reader);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.Text.Json.JsonException ex)");
        writer.WriteLine("throw global::SpecGen.SpecJsonException.InProperty(ex, property);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return value;");
        writer.CloseBlock();
    }

    /// <summary>Writes statements that read the current JSON value into <paramref name="target"/>.</summary>
    private static void EmitReadValue(SourceWriter writer, TypeRef type, string target, int depth)
    {
        switch (type.Kind)
        {
            case SpecTypeKind.List:
            {
                string list = "list" + depth;
                string item = "item" + depth;
                string index = "index" + depth;
                writer.WriteLine($"{SpecJson}.ExpectStartArray(ref reader);");
                writer.WriteLine($"var {list} = new {CSharpText.TypeName(type)}();");
                writer.OpenBlock("try");
                writer.OpenBlock($"while ({SpecJson}.ReadNextItem(ref reader))");
                if (ScalarRead(type.Element!) is { } read)
                {
                    writer.WriteLine($"{list}.Add({read});");
                }
                else
                {
                    writer.WriteLine($"{CSharpText.TypeName(type.Element!)} {item};");
                    EmitReadValue(writer, type.Element!, item, depth + 1);
                    writer.WriteLine($"{list}.Add({item});");
                }
                writer.CloseBlock();
                writer.CloseBlock();
                writer.OpenBlock("catch (global::System.Text.Json.JsonException ex)");
                writer.WriteLine($"throw global::SpecGen.SpecJsonException.InItem(ex, {list}.Count);");
                writer.CloseBlock();
                writer.WriteLine();
                writer.WriteLine($"{target} = {list};");
                break;
            }

            case SpecTypeKind.Map:
            {
                string map = "map" + depth;
                string key = "key" + depth;
                string item = "item" + depth;
                writer.WriteLine($"{SpecJson}.ExpectStartObject(ref reader);");
                writer.WriteLine($"var {map} = new {CSharpText.TypeName(type)}();");
                writer.WriteLine($"string {key} = string.Empty;");
                writer.OpenBlock("try");
                writer.OpenBlock($"while ({SpecJson}.ReadNextProperty(ref reader))");
                writer.WriteLine($"{key} = {SpecJson}.ReadPropertyName(ref reader);");
                if (ScalarRead(type.Element!) is { } read)
                {
                    writer.WriteLine($"{map}[{key}] = {read};");
                }
                else
                {
                    writer.WriteLine($"{CSharpText.TypeName(type.Element!)} {item};");
                    EmitReadValue(writer, type.Element!, item, depth + 1);
                    writer.WriteLine($"{map}[{key}] = {item};");
                }
                writer.CloseBlock();
                writer.CloseBlock();
                writer.OpenBlock("catch (global::System.Text.Json.JsonException ex)");
                writer.WriteLine($"throw global::SpecGen.SpecJsonException.InProperty(ex, {key});");
                writer.CloseBlock();
                writer.WriteLine();
                writer.WriteLine($"{target} = {map};");
                break;
            }

            default:
                writer.WriteLine($"{target} = {ScalarRead(type)};");
                break;
        }
    }

    /// <summary>The expression that reads a value of <paramref name="type"/>, or null for a list or map.</summary>
    private static string? ScalarRead(TypeRef type) => type.Kind switch
    {
        SpecTypeKind.List or SpecTypeKind.Map => null,
        SpecTypeKind.Class => $"{type.ClassName}.ReadJson(ref reader)",
        _ => $"{SpecJson}.{ReadMethod(type)}(ref reader)",
    };

    private static string ReadMethod(TypeRef type) => type.Kind switch
    {
        SpecTypeKind.Int32 => "ReadInt32",
        SpecTypeKind.Int64 => "ReadInt64",
        SpecTypeKind.Boolean => "ReadBoolean",
        SpecTypeKind.Double => "ReadDouble",
        SpecTypeKind.Json => "ReadJsonElement",
        _ => "ReadString",
    };

    private static void EmitWrite(SourceWriter writer, ClassSpec spec, FieldSpec[] body)
    {
        string onlyBody = spec.Fields.Count > body.Length ? " Only Body fields are written; header, path and query fields travel elsewhere." : string.Empty;
        writer.WriteLine($"/// <summary>Writes this object as a JSON object.{onlyBody}</summary>");
        writer.OpenBlock($"internal void WriteJson({Writer} writer)");
        writer.WriteLine("writer.WriteStartObject();");
        foreach (FieldSpec field in body)
        {
            writer.OpenBlock($"if ({field.PropertyName} != null)");
            writer.WriteLine($"writer.WritePropertyName({NameField(field)});");
            string value = CSharpText.IsValueType(field.Type) ? field.PropertyName + ".Value" : field.PropertyName;
            EmitWriteValue(writer, field.Type, value, 0);
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    /// <summary>Writes statements that write <paramref name="value"/>, which is not null.</summary>
    private static void EmitWriteValue(SourceWriter writer, TypeRef type, string value, int depth)
    {
        switch (type.Kind)
        {
            case SpecTypeKind.List:
            {
                string item = "item" + depth;
                writer.WriteLine("writer.WriteStartArray();");
                writer.OpenBlock($"foreach (var {item} in {value})");
                EmitWriteElement(writer, type.Element!, item, depth);
                writer.CloseBlock();
                writer.WriteLine("writer.WriteEndArray();");
                break;
            }

            case SpecTypeKind.Map:
            {
                string entry = "entry" + depth;
                writer.WriteLine("writer.WriteStartObject();");
                writer.OpenBlock($"foreach (var {entry} in {value})");
                writer.WriteLine($"writer.WritePropertyName({entry}.Key);");
                EmitWriteElement(writer, type.Element!, entry + ".Value", depth);
                writer.CloseBlock();
                writer.WriteLine("writer.WriteEndObject();");
                break;
            }

            case SpecTypeKind.Class:
                writer.WriteLine($"{value}.WriteJson(writer);");
                break;
            case SpecTypeKind.Json:
                writer.WriteLine($"{value}.WriteTo(writer);");
                break;
            case SpecTypeKind.Boolean:
                writer.WriteLine($"writer.WriteBooleanValue({value});");
                break;
            case SpecTypeKind.Int32 or SpecTypeKind.Int64 or SpecTypeKind.Double:
                writer.WriteLine($"writer.WriteNumberValue({value});");
                break;
            default:
                writer.WriteLine($"writer.WriteStringValue({value});");
                break;
        }
    }

    private static void EmitWriteElement(SourceWriter writer, TypeRef element, string value, int depth)
    {
        if (CSharpText.IsValueType(element))
        {
            EmitWriteValue(writer, element, value, depth + 1);
            return;
        }

        writer.OpenBlock($"if ({value} == null)");
        writer.WriteLine("writer.WriteNullValue();");
        writer.CloseBlock();
        writer.OpenBlock("else");
        EmitWriteValue(writer, element, value, depth + 1);
        writer.CloseBlock();
    }

    private static void EmitConverter(SourceWriter writer, InterfaceModel model, ClassSpec spec)
    {
        string nullable = model.Options.NullableAnnotations ? "?" : string.Empty;
        writer.WriteLine("/// <summary>Lets <see cref=\"global::System.Text.Json.JsonSerializer\"/> use the generated reader and writer.</summary>");
        writer.OpenBlock($"internal sealed class SpecGenJsonConverter : global::System.Text.Json.Serialization.JsonConverter<{spec.Name}>");
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override {spec.Name}{nullable} Read(ref {Reader} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        writer.WriteLine($"    => reader.TokenType == {TokenType}.Null ? null : ReadJson(ref reader);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override void Write({Writer} writer, {spec.Name} value, global::System.Text.Json.JsonSerializerOptions options)");
        writer.WriteLine("    => value.WriteJson(writer);");
        writer.CloseBlock();
    }
}
