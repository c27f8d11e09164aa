using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

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

    public static void Emit(SourceWriter writer, EmitOptions options, ClassModel cls)
    {
        PropertyModel[] body = cls.Properties.Where(p => p.Index >= 0).ToArray();
        EmitRead(writer, cls, body);
        writer.WriteLine();
        EmitWrite(writer, cls, body);
        writer.WriteLine();
        EmitConverter(writer, options, cls);
        if (body.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>The JSON names of the body fields, encoded once.</summary>");
            writer.OpenBlock($"private static class {KnownNames.JsonNames}");
            foreach (PropertyModel property in body)
            {
                writer.WriteLine($"internal static readonly global::System.Text.Json.JsonEncodedText {property.Name} = global::System.Text.Json.JsonEncodedText.Encode({property.JsonNameLiteral});");
            }

            writer.CloseBlock();
        }
    }

    private static void EmitRead(SourceWriter writer, ClassModel cls, PropertyModel[] body)
    {
        writer.WriteLine($"/// <summary>Reads a <see cref=\"{cls.TypeName}\"/> from the JSON object at the reader's current token.</summary>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecJsonException\">The JSON does not have the shape of the spec, or repeats a property.</exception>");
        writer.OpenBlock($"internal static {cls.TypeName} {KnownNames.ReadJson}(ref {Reader} reader)");
        writer.WriteLine($"{SpecJson}.ExpectStartObject(ref reader);");
        writer.WriteLine($"var value = new {cls.TypeName}();");
        if (body.Length == 0)
        {
            writer.OpenBlock($"while ({SpecJson}.ReadNextProperty(ref reader))");
            writer.WriteLine($"{SpecJson}.SkipPropertyValue(ref reader);");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("return value;");
            writer.CloseBlock();
            return;
        }

        writer.WriteLine("var seen = default(global::SpecGen.SpecPropertySet);");
        writer.WriteLine("string property = string.Empty;");
        writer.OpenBlock("try");
        writer.OpenBlock($"while ({SpecJson}.ReadNextProperty(ref reader))");
        bool first = true;
        foreach (PropertyModel property in body)
        {
            // The reader compares unescaped names; the encoded bytes are the name's own UTF-8 only where nothing was escaped.
            string name = $"{KnownNames.JsonNames}.{property.Name}" + (property.JsonNameIsEscaped ? ".Value" : ".EncodedUtf8Bytes");
            writer.OpenBlock($"{(first ? "if" : "else if")} (reader.ValueTextEquals({name}))");
            first = false;
            writer.WriteLine($"property = {property.JsonNameLiteral};");
            writer.OpenBlock($"if (!seen.Add({property.Index}))");
            writer.WriteLine($"throw {SpecJson}.DuplicateProperty(property);");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine($"{SpecJson}.MoveToValue(ref reader);");
            string target = "value." + property.Name;
            ValueShape type = property.Type;
            if (ScalarRead(type, orNull: true) is { } read)
            {
                writer.WriteLine($"{target} = {read};");
            }
            else
            {
                writer.OpenBlock($"if (reader.TokenType == {TokenType}.Null)");
                writer.WriteLine($"{target} = null;");
                writer.CloseBlock();
                writer.OpenBlock("else");
                EmitReadValue(writer, type, target, 0);
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
    private static void EmitReadValue(SourceWriter writer, ValueShape type, string target, int depth)
    {
        switch (type.Kind)
        {
            case ValueKind.List:
            {
                string list = "list" + depth;
                string item = "item" + depth;
                writer.WriteLine($"{SpecJson}.ExpectStartArray(ref reader);");
                writer.WriteLine($"var {list} = new {type.TypeName}();");
                writer.OpenBlock("try");
                writer.OpenBlock($"while ({SpecJson}.ReadNextItem(ref reader))");
                if (ScalarRead(type.Element!, orNull: false) is { } read)
                {
                    writer.WriteLine($"{list}.Add({read});");
                }
                else
                {
                    writer.WriteLine($"{type.Element!.TypeName} {item};");
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

            case ValueKind.Map:
            {
                string map = "map" + depth;
                string key = "key" + depth;
                string item = "item" + depth;
                writer.WriteLine($"{SpecJson}.ExpectStartObject(ref reader);");
                writer.WriteLine($"var {map} = new {type.TypeName}();");
                writer.WriteLine($"string {key} = string.Empty;");
                writer.OpenBlock("try");
                writer.OpenBlock($"while ({SpecJson}.ReadNextProperty(ref reader))");
                writer.WriteLine($"{key} = {SpecJson}.ReadPropertyName(ref reader);");
                if (ScalarRead(type.Element!, orNull: false) is { } read)
                {
                    writer.WriteLine($"{map}[{key}] = {read};");
                }
                else
                {
                    writer.WriteLine($"{type.Element!.TypeName} {item};");
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
                writer.WriteLine($"{target} = {ScalarRead(type, orNull: false)};");
                break;
        }
    }

    /// <summary>The expression that reads a value of <paramref name="type"/>, or null for a list or map.</summary>
    private static string? ScalarRead(ValueShape type, bool orNull) => type.Kind switch
    {
        ValueKind.List or ValueKind.Map => null,
        ValueKind.Class when orNull => $"reader.TokenType == {TokenType}.Null ? null : {type.TypeName}.{KnownNames.ReadJson}(ref reader)",
        ValueKind.Class => $"{type.TypeName}.{KnownNames.ReadJson}(ref reader)",
        _ => $"{SpecJson}.{ReadMethod(type.Kind)}{(orNull ? "OrNull" : string.Empty)}(ref reader)",
    };

    private static string ReadMethod(ValueKind kind) => kind switch
    {
        ValueKind.Int32 => "ReadInt32",
        ValueKind.Int64 => "ReadInt64",
        ValueKind.Boolean => "ReadBoolean",
        ValueKind.Double => "ReadDouble",
        ValueKind.Json => "ReadJsonElement",
        _ => "ReadString",
    };

    private static void EmitWrite(SourceWriter writer, ClassModel cls, PropertyModel[] body)
    {
        string onlyBody = cls.Properties.Count > body.Length ? " Only Body fields are written; header, path and query fields travel elsewhere." : string.Empty;
        writer.WriteLine($"/// <summary>Writes this object as a JSON object.{onlyBody}</summary>");
        writer.OpenBlock($"internal void {KnownNames.WriteJson}({Writer} writer)");
        writer.WriteLine("writer.WriteStartObject();");
        foreach (PropertyModel property in body)
        {
            string self = "this." + property.Name;
            writer.OpenBlock($"if ({self} != null)");
            writer.WriteLine($"writer.WritePropertyName({KnownNames.JsonNames}.{property.Name});");
            EmitWriteValue(writer, property.Type, property.Type.IsValueType ? self + ".Value" : self, 0);
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    /// <summary>Writes statements that write <paramref name="value"/>, which is not null.</summary>
    private static void EmitWriteValue(SourceWriter writer, ValueShape type, string value, int depth)
    {
        switch (type.Kind)
        {
            case ValueKind.List:
            {
                string item = "item" + depth;
                writer.WriteLine("writer.WriteStartArray();");
                writer.OpenBlock($"foreach (var {item} in {value})");
                EmitWriteElement(writer, type.Element!, item, depth);
                writer.CloseBlock();
                writer.WriteLine("writer.WriteEndArray();");
                break;
            }

            case ValueKind.Map:
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

            case ValueKind.Class:
                writer.WriteLine($"{value}.{KnownNames.WriteJson}(writer);");
                break;
            case ValueKind.Json:
                writer.WriteLine($"{value}.WriteTo(writer);");
                break;
            case ValueKind.Boolean:
                writer.WriteLine($"writer.WriteBooleanValue({value});");
                break;
            case ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double:
                writer.WriteLine($"writer.WriteNumberValue({value});");
                break;
            default:
                writer.WriteLine($"writer.WriteStringValue({value});");
                break;
        }
    }

    private static void EmitWriteElement(SourceWriter writer, ValueShape element, string value, int depth)
    {
        if (element.IsValueType)
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

    private static void EmitConverter(SourceWriter writer, EmitOptions options, ClassModel cls)
    {
        writer.WriteLine("/// <summary>Lets <see cref=\"global::System.Text.Json.JsonSerializer\"/> use the generated reader and writer.</summary>");
        writer.OpenBlock($"internal sealed class {KnownNames.JsonConverter} : global::System.Text.Json.Serialization.JsonConverter<{cls.TypeName}>");
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override {cls.TypeName}{options.NullableMark} Read(ref {Reader} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        writer.WriteLine($"    => reader.TokenType == {TokenType}.Null ? null : {cls.TypeName}.{KnownNames.ReadJson}(ref reader);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override void Write({Writer} writer, {cls.TypeName} value, global::System.Text.Json.JsonSerializerOptions options)");
        writer.WriteLine($"    => value.{KnownNames.WriteJson}(writer);");
        writer.CloseBlock();
    }
}
