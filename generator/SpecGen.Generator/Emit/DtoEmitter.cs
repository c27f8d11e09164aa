using System.Collections.Generic;
using System.Linq;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes one DTO class: its properties with XML docs and the attributes the analyzers read,
/// <c>Validate()</c>, JSON reading and writing, and a <c>ToString()</c> that never shows secrets.
/// </summary>
internal static class DtoEmitter
{
    public static void Emit(SourceWriter writer, InterfaceModel model, ClassSpec spec)
    {
        CSharpText.WriteDocs(writer, Summary(model.Spec, spec), Remarks(model.Spec, spec));
        writer.WriteLine($"[global::System.Text.Json.Serialization.JsonConverter(typeof({spec.Name}.SpecGenJsonConverter))]");
        foreach (RuleSpec rule in spec.Rules)
        {
            string attribute = rule.Kind == RuleKind.AtLeastOne ? "SpecAtLeastOne" : "SpecExactlyOne";
            IEnumerable<string> members = rule.Fields.Select(name => spec.Fields.FirstOrDefault(f => f.JsonName == name)?.PropertyName).Where(n => n is not null).Select(n => CSharpText.Literal(n!));
            writer.WriteLine($"[global::SpecGen.{attribute}({string.Join(", ", members)})]");
        }

        writer.WriteLine(GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {spec.Name}");

        bool first = true;
        foreach (FieldSpec field in spec.Fields)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            EmitProperty(writer, model.Options, field);
        }

        writer.WriteLine();
        ValidationEmitter.Emit(writer, model, spec);
        writer.WriteLine();
        EmitToString(writer, spec);
        EmitWithToken(writer, spec);
        writer.WriteLine();
        JsonEmitter.Emit(writer, model, spec);
        writer.CloseBlock();
    }

    public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"SpecGen\", \"" + ThisAssembly.Version + "\")]";

    private static string Summary(InterfaceSpec spec, ClassSpec cls) => cls.Kind switch
    {
        ClassKind.Request => $"The request of {spec.Name}{(spec.Title is null ? "." : ": " + spec.Title)}",
        ClassKind.Response => $"The response of {spec.Name}{(spec.Title is null ? "." : ": " + spec.Title)}",
        ClassKind.Named => $"The '{cls.SpecName}' type of {spec.Name}.",
        _ => $"The '{cls.SpecName}' object of {spec.Name}.",
    };

    private static string? Remarks(InterfaceSpec spec, ClassSpec cls)
        => cls.Kind == ClassKind.Request && spec.Method.Length > 0 ? $"{spec.Method} {spec.Url}" : null;

    private static void EmitProperty(SourceWriter writer, EmitOptions options, FieldSpec field)
    {
        CSharpText.WriteDocs(writer, field.Description ?? $"The '{field.JsonName}' field.", PropertyRemarks(field));
        writer.WriteLine($"[global::SpecGen.SpecField({CSharpText.Literal(field.JsonName)}, global::SpecGen.SpecPosition.{field.Position})]");
        if (field.Mandatory)
        {
            writer.WriteLine("[global::SpecGen.SpecMandatory]");
        }

        if (field.Secret)
        {
            writer.WriteLine("[global::SpecGen.SpecSecret]");
        }

        if (field.Token)
        {
            writer.WriteLine("[global::SpecGen.SpecToken]");
        }

        ConstraintsSpec constraints = field.Constraints;
        if (constraints.Values.Count > 0)
        {
            writer.WriteLine($"[global::SpecGen.SpecValues({string.Join(", ", constraints.Values.Select(CSharpText.Literal))})]");
        }

        if (constraints.Format is not null)
        {
            writer.WriteLine($"[global::SpecGen.SpecFormat({CSharpText.Literal(constraints.Format)})]");
        }

        writer.WriteLine($"public {CSharpText.PropertyTypeName(field.Type, options)} {field.PropertyName} {{ get; set; }}");
    }

    private static string PropertyRemarks(FieldSpec field)
    {
        var parts = new List<string>
        {
            $"{field.Position} field '{field.JsonName}', {field.TypeText}, {(field.Mandatory ? "mandatory" : "optional")}.",
        };
        ConstraintsSpec c = field.Constraints;
        if (c.Values.Count > 0)
        {
            parts.Add($"Allowed values: {string.Join(", ", c.Values)}.");
        }

        if (c.Default is not null)
        {
            parts.Add($"When not transferred, the server uses {c.Default}.");
        }

        if (c.Format is not null)
        {
            parts.Add($"Format: {c.Format}.");
        }

        if (c.Pattern is not null)
        {
            parts.Add($"Pattern: {c.Pattern}.");
        }

        if (field.Secret)
        {
            parts.Add("Secret: never logged or printed.");
        }

        if (field.Token)
        {
            parts.Add("When left empty, the client fills it from the registered token provider.");
        }

        return string.Join(" ", parts);
    }

    private static void EmitWithToken(SourceWriter writer, ClassSpec spec)
    {
        FieldSpec[] tokens = spec.Fields.Where(f => f.Token).ToArray();
        if (tokens.Length == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>A copy of this request whose empty token fields hold <paramref name=\"token\"/>; the caller's object stays as it was.</summary>");
        writer.OpenBlock($"internal {spec.Name} WithToken(string token)");
        writer.WriteLine($"var copy = ({spec.Name})MemberwiseClone();");
        foreach (FieldSpec field in tokens)
        {
            writer.OpenBlock($"if (global::SpecGen.SpecChecks.IsMissing(copy.{field.PropertyName}))");
            writer.WriteLine($"copy.{field.PropertyName} = token;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("return copy;");
        writer.CloseBlock();
    }

    private static void EmitToString(SourceWriter writer, ClassSpec spec)
    {
        writer.WriteLine("/// <summary>The values of this object; secret values are masked.</summary>");
        writer.OpenBlock("public override string ToString()");
        writer.WriteLine("var builder = new global::System.Text.StringBuilder();");
        writer.WriteLine($"builder.Append({CSharpText.Literal(spec.Name + " {")});");
        string separator = " ";
        foreach (FieldSpec field in spec.Fields)
        {
            string label = CSharpText.Literal(separator + field.PropertyName + " = ");
            string method = field.Secret ? "AppendSecret" : "AppendValue";
            writer.WriteLine($"global::SpecGen.SpecText.{method}(builder.Append({label}), {field.PropertyName});");
            separator = ", ";
        }

        writer.WriteLine("return builder.Append(\" }\").ToString();");
        writer.CloseBlock();
    }
}
