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
        if (cls.WholeBodyProperty is { } whole && cls.Properties.FirstOrDefault(p => p.Name == whole) is { } value)
        {
            EmitWholeBody(writer, options, cls, value);
            return;
        }

        PropertyModel[] body = cls.Properties.Where(p => p.Index >= 0).ToArray();
        EmitRead(writer, cls, body);
        writer.WriteLine();
        EmitWrite(writer, cls, body);
        writer.WriteLine();
        EmitConverter(writer, options, cls);
        if (body.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>The JSON names of the body fields, encoded once; <c>All</c> is in spec order, as the reader numbers them.</summary>");
            writer.OpenBlock($"private static class {KnownNames.JsonNames}");
            foreach (PropertyModel property in body)
            {
                writer.WriteLine($"internal static readonly global::System.Text.Json.JsonEncodedText {property.Name} = global::System.Text.Json.JsonEncodedText.Encode({property.JsonNameLiteral});");
            }

            writer.WriteLine($"internal static readonly global::SpecGen.SpecJsonProperties All = new global::SpecGen.SpecJsonProperties({string.Join(", ", body.Select(p => p.JsonNameLiteral))});");
            writer.CloseBlock();
        }
    }

    /// <summary>A body that is one JSON value (a <c>-</c> row): the class reads and writes that value, not an object around it.</summary>
    private static void EmitWholeBody(SourceWriter writer, EmitOptions options, ClassModel cls, PropertyModel property)
    {
        string target = "value." + property.Name;
        writer.WriteLine($"/// <summary>Reads a <see cref=\"{cls.TypeName}\"/> from the JSON value at the reader's current token, which is the whole body.</summary>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecJsonException\">The JSON does not have the shape of the spec.</exception>");
        writer.OpenBlock($"internal static {cls.TypeName} {KnownNames.ReadJson}(ref {Reader} reader)");
        writer.WriteLine($"var value = new {cls.TypeName}();");
        writer.OpenBlock($"if (reader.TokenType != {TokenType}.Null)");
        EmitReadValue(writer, property.Type, target, 0);
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return value;");
        writer.CloseBlock();
        writer.WriteLine();

        string self = "this." + property.Name;
        string onlyBody = cls.Properties.Count > 1 ? " Header, path and query fields travel elsewhere." : string.Empty;
        writer.WriteLine($"/// <summary>Writes <see cref=\"{property.Name}\"/> as the whole JSON body; null is written as JSON null.{onlyBody}</summary>");
        writer.OpenBlock($"internal void {KnownNames.WriteJson}({Writer} writer)");
        writer.OpenBlock($"if ({self} == null)");
        writer.WriteLine("writer.WriteNullValue();");
        writer.CloseBlock();
        writer.OpenBlock("else");
        EmitWriteValue(writer, property.Type, self, 0);
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        EmitConverter(writer, options, cls);
    }

    // The runtime's SpecJsonObject walks the object (names, unknown and repeated properties), so the
    // generated reader is one line per field: the value's read.
    private static void EmitRead(SourceWriter writer, ClassModel cls, PropertyModel[] body)
    {
        writer.WriteLine($"/// <summary>Reads a <see cref=\"{cls.TypeName}\"/> from the JSON object at the reader's current token.</summary>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecJsonException\">The JSON does not have the shape of the spec, or repeats a property.</exception>");
        writer.OpenBlock($"internal static {cls.TypeName} {KnownNames.ReadJson}(ref {Reader} reader)");
        writer.WriteLine($"var value = new {cls.TypeName}();");
        if (body.Length == 0)
        {
            writer.WriteLine($"{SpecJson}.ExpectStartObject(ref reader);");
            writer.OpenBlock($"while ({SpecJson}.ReadNextProperty(ref reader))");
            writer.WriteLine($"{SpecJson}.SkipPropertyValue(ref reader);");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("return value;");
            writer.CloseBlock();
            return;
        }

        writer.WriteLine($"var properties = new global::SpecGen.SpecJsonObject(ref reader, {KnownNames.JsonNames}.All);");
        writer.OpenBlock("try");
        writer.OpenBlock("while (properties.MoveNext(ref reader))");
        writer.OpenBlock("switch (properties.Index)");
        foreach (PropertyModel property in body)
        {
            string target = "value." + property.Name;
            if (ReadExpression(property.Type) is { } read)
            {
                writer.WriteLine($"case {property.Index}: {target} = {read}; break;");
                continue;
            }

            // A collection of collections: read inline, one level at a time.
            writer.WriteLine($"case {property.Index}:");
            writer.Indentation++;
            writer.OpenBlock($"if (reader.TokenType == {TokenType}.Null)");
            writer.WriteLine($"{target} = null;");
            writer.CloseBlock();
            writer.OpenBlock("else");
            EmitReadValue(writer, property.Type, target, 0);
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("break;");
            writer.Indentation--;
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.OpenBlock("catch (global::System.Text.Json.JsonException ex)");
        writer.WriteLine("throw properties.Fail(ex);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return value;");
        writer.CloseBlock();
    }

    /// <summary>The expression that reads a property's value or null; null when it needs statements.</summary>
    private static string? ReadExpression(ValueShape type)
    {
        if (!type.IsCollection)
        {
            return ScalarRead(type, orNull: true);
        }

        string method = type.Kind == ValueKind.List ? "ReadListOrNull" : "ReadMapOrNull";
        return ItemReader(type.Element!) is { } item ? $"{SpecJson}.{method}(ref reader, {item})" : null;
    }

    /// <summary>The method group that reads one item, or null for a nested collection.</summary>
    private static string? ItemReader(ValueShape element) => element.Kind switch
    {
        ValueKind.List or ValueKind.Map => null,
        ValueKind.Class => $"{element.TypeName}.{KnownNames.ReadJson}",
        _ => $"{SpecJson}.{ReadMethod(element.Kind)}",
    };

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
                    writer.WriteLine($"{SpecJson}.AddMapEntry({map}, {key}, {read});");
                }
                else
                {
                    writer.WriteLine($"{type.Element!.TypeName} {item};");
                    EmitReadValue(writer, type.Element!, item, depth + 1);
                    writer.WriteLine($"{SpecJson}.AddMapEntry({map}, {key}, {item});");
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
        writer.WriteLine($"/// <summary>Writes this object as a JSON object; a null property is left out.{onlyBody}</summary>");
        writer.OpenBlock($"internal void {KnownNames.WriteJson}({Writer} writer)");
        writer.WriteLine("writer.WriteStartObject();");
        foreach (PropertyModel property in body)
        {
            string self = "this." + property.Name;
            string name = $"{KnownNames.JsonNames}.{property.Name}";
            ValueShape type = property.Type;
            if (type.Kind == ValueKind.Class)
            {
                writer.OpenBlock($"if ({self} != null)");
                writer.WriteLine($"writer.WritePropertyName({name});");
                writer.WriteLine($"{self}.{KnownNames.WriteJson}(writer);");
                writer.CloseBlock();
            }
            else if (!type.IsCollection)
            {
                writer.WriteLine($"{SpecJson}.Write(writer, {name}, {self});");
            }
            else if (ItemWriter(type.Element!) is { } item)
            {
                writer.WriteLine($"{SpecJson}.{(type.Kind == ValueKind.List ? "WriteList" : "WriteMap")}(writer, {name}, {self}, {item});");
            }
            else
            {
                // A collection of collections: written inline, one level at a time.
                writer.OpenBlock($"if ({self} != null)");
                writer.WriteLine($"writer.WritePropertyName({name});");
                EmitWriteValue(writer, type, self, 0);
                writer.CloseBlock();
            }
        }

        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    /// <summary>What writes one item of a collection, or null for a nested collection.</summary>
    private static string? ItemWriter(ValueShape element) => element.Kind switch
    {
        ValueKind.List or ValueKind.Map => null,
        ValueKind.Class => $"(w, item) => item.{KnownNames.WriteJson}(w)",
        _ => $"{SpecJson}.WriteValue",
    };

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
        writer.WriteLine($"public override {cls.TypeName}{options.NullableMark} Read(ref {Reader} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => reader.TokenType == {TokenType}.Null ? null : {cls.TypeName}.{KnownNames.ReadJson}(ref reader);");
        writer.WriteLine($"public override void Write({Writer} writer, {cls.TypeName} value, global::System.Text.Json.JsonSerializerOptions options) => value.{KnownNames.WriteJson}(writer);");
        writer.CloseBlock();
    }
}
