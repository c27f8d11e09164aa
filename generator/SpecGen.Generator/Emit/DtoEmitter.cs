using System.Collections.Generic;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes one DTO class: its properties with XML docs and the attributes the analyzers read,
/// <c>Validate()</c>, JSON reading and writing, and a <c>ToString()</c> that never shows secrets.
/// Members are always reached as <c>this.X</c> or <c>value.X</c>, so no property can be taken for a local.
/// </summary>
internal static class DtoEmitter
{
    public static void Emit(SourceWriter writer, EmitOptions options, ClassModel cls)
    {
        CSharpText.WriteDocs(writer, cls.Summary, cls.Remarks);
        var attributes = new List<string> { $"global::System.Text.Json.Serialization.JsonConverter(typeof({cls.TypeName}.{KnownNames.JsonConverter}))" };
        attributes.AddRange(cls.Rules.Select(rule => $"{rule.AttributeName}({string.Join(", ", rule.Members.Select(m => m.NameLiteral))})"));
        attributes.Add(InterfaceEmitter.GeneratedCode);
        writer.WriteLine($"[{string.Join(", ", attributes)}]");
        writer.OpenBlock($"public sealed partial class {cls.Name}{(cls.ReadsHeaders ? " : " + HeaderFieldsEmitter.Interface : string.Empty)}");

        bool first = true;
        foreach (PropertyModel property in cls.Properties)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            EmitProperty(writer, property);
        }

        if (cls.Properties.Count > 0)
        {
            writer.WriteLine();
        }

        ValidationEmitter.Emit(writer, cls);
        writer.WriteLine();
        EmitToString(writer, cls);
        EmitWithToken(writer, cls, options.NullableMark);
        HeaderFieldsEmitter.Emit(writer, cls);
        writer.WriteLine();
        JsonEmitter.Emit(writer, options, cls);
        writer.CloseBlock();
    }

    private static void EmitProperty(SourceWriter writer, PropertyModel property)
    {
        CSharpText.WriteDocs(writer, property.Summary, property.Remarks);
        var attributes = new List<string> { $"{KnownNames.AttributeUsage(KnownNames.FieldAttribute)}({property.JsonNameLiteral}, global::SpecGen.SpecPosition.{property.Position})" };
        if (property.Mandatory)
        {
            attributes.Add(KnownNames.AttributeUsage(KnownNames.MandatoryAttribute));
        }

        if (property.Secret)
        {
            attributes.Add(KnownNames.AttributeUsage(KnownNames.SecretAttribute));
        }

        if (property.Token)
        {
            attributes.Add(KnownNames.AttributeUsage(KnownNames.TokenAttribute));
        }

        if (property.ValuesLiterals.Count > 0)
        {
            attributes.Add($"{KnownNames.AttributeUsage(KnownNames.ValuesAttribute)}({string.Join(", ", property.ValuesLiterals)})");
        }

        if (property.FormatLiteral is not null)
        {
            attributes.Add($"{KnownNames.AttributeUsage(KnownNames.FormatAttribute)}({property.FormatLiteral})");
        }

        writer.WriteLine($"[{string.Join(", ", attributes)}]");
        writer.WriteLine($"public {property.TypeName} {property.Name} {{ get; set; }}");
    }

    private static void EmitWithToken(SourceWriter writer, ClassModel cls, string nullable)
    {
        PropertyModel[] tokens = cls.Properties.Where(p => p.Token).ToArray();
        if (tokens.Length == 0)
        {
            return;
        }

        if (tokens.Any(p => p.CarriesNeededToken))
        {
            EmitWithTokens(writer, cls, tokens, nullable);
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>A copy of this request whose empty token fields hold <paramref name=\"token\"/>; the caller's object stays as it was.</summary>");
        writer.OpenBlock($"internal {cls.TypeName} {KnownNames.WithToken}(string token)");
        writer.WriteLine($"var copy = ({cls.TypeName})this.MemberwiseClone();");
        foreach (PropertyModel property in tokens)
        {
            writer.WriteLine($"if (global::SpecGen.SpecChecks.IsMissing(copy.{property.Name})) copy.{property.Name} = token;");
        }

        writer.WriteLine("return copy;");
        writer.CloseBlock();
    }

    /// <summary>The copy with both tokens of a chain: the service's own and the one its flow needs (<c>token.needs</c>).</summary>
    private static void EmitWithTokens(SourceWriter writer, ClassModel cls, PropertyModel[] tokens, string nullable)
    {
        writer.WriteLine();
        writer.WriteLine("/// <summary>A copy of this request whose empty token fields hold <paramref name=\"token\"/> (the service's own) and <paramref name=\"needed\"/> (the token its flow needs), each when not null; the caller's object stays as it was.</summary>");
        writer.OpenBlock($"internal {cls.TypeName} {KnownNames.WithTokens}(string{nullable} token, string{nullable} needed)");
        writer.WriteLine($"var copy = ({cls.TypeName})this.MemberwiseClone();");
        foreach (PropertyModel property in tokens)
        {
            string value = property.CarriesNeededToken ? "needed" : "token";
            writer.WriteLine($"if ({value} != null && global::SpecGen.SpecChecks.IsMissing(copy.{property.Name})) copy.{property.Name} = {value};");
        }

        writer.WriteLine("return copy;");
        writer.CloseBlock();
    }

    private static void EmitToString(SourceWriter writer, ClassModel cls)
    {
        writer.WriteLine("/// <summary>The values of this object; secret values are masked.</summary>");
        writer.OpenBlock("public override string ToString()");
        writer.WriteLine($"var builder = new global::System.Text.StringBuilder(\"{cls.Name} {{\");");
        string separator = " ";
        foreach (PropertyModel property in cls.Properties)
        {
            string method = property.Secret ? "AppendSecret" : "AppendValue";
            writer.WriteLine($"global::SpecGen.SpecText.{method}(builder.Append(\"{separator}{property.Name.TrimStart('@')} = \"), this.{property.Name});");
            separator = ", ";
        }

        writer.WriteLine("return builder.Append(\" }\").ToString();");
        writer.CloseBlock();
    }
}
