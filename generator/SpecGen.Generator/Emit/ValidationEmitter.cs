using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes <c>Validate()</c>: straight-line checks with constant messages, so that a valid object
/// validates without allocating and no message ever contains a value (secrets stay secret).
/// </summary>
internal static class ValidationEmitter
{
    private const string Checks = "global::SpecGen.SpecChecks";

    public static void Emit(SourceWriter writer, InterfaceModel model, ClassSpec spec)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Checks this object against its spec: mandatory fields, allowed values, formats, patterns,");
        writer.WriteLine("/// lengths, ranges and rules, in nested objects too. An empty string counts as not transferred.");
        writer.WriteLine("/// </summary>");
        writer.OpenBlock("public global::SpecGen.ValidationResult Validate()");
        writer.WriteLine("var errors = new global::SpecGen.ValidationErrorCollector();");
        writer.WriteLine("ValidateInto(ref errors);");
        writer.WriteLine("return errors.ToResult();");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Adds the errors of this object to <paramref name=\"errors\"/>, with paths relative to it.</summary>");
        writer.OpenBlock("internal void ValidateInto(ref global::SpecGen.ValidationErrorCollector errors)");
        bool first = true;
        foreach (FieldSpec field in spec.Fields)
        {
            if (!field.Mandatory && !HasValueChecks(field))
            {
                continue;
            }

            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            EmitField(writer, field);
        }

        foreach (RuleSpec rule in spec.Rules)
        {
            writer.WriteLine();
            EmitRule(writer, spec, rule);
        }

        writer.CloseBlock();

        foreach (FieldSpec field in spec.Fields.Where(f => f.Constraints.Pattern is not null))
        {
            writer.WriteLine();
            writer.WriteLine($"private static readonly global::System.Text.RegularExpressions.Regex {PatternField(field)} = new global::System.Text.RegularExpressions.Regex(");
            writer.WriteLine($"    {CSharpText.Literal(field.Constraints.Pattern!)}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));");
        }
    }

    private static string PatternField(FieldSpec field) => "s_pattern" + field.PropertyName.TrimStart('@');

    /// <summary>True when a field has checks beyond being mandatory.</summary>
    private static bool HasValueChecks(FieldSpec field)
    {
        TypeRef type = field.Type;
        return type.Kind switch
        {
            SpecTypeKind.Class => true,
            SpecTypeKind.List or SpecTypeKind.Map => field.Constraints.MinItems is not null || field.Constraints.MaxItems is not null
                || type.Element!.Kind == SpecTypeKind.Class || ScalarChecks(field, type.Element, "x").Any(),
            _ => ScalarChecks(field, type, "x").Any(),
        };
    }

    private static void EmitField(SourceWriter writer, FieldSpec field)
    {
        string name = field.PropertyName;
        string json = CSharpText.Literal(field.JsonName);
        bool isString = field.Type.IsStringLike;
        string missing = isString ? $"{Checks}.IsMissing({name})" : $"{name} == null";
        string present = isString ? $"!{Checks}.IsMissing({name})" : $"{name} != null";

        if (field.Mandatory)
        {
            writer.OpenBlock($"if ({missing})");
            writer.WriteLine($"errors.Add({json}, \"mandatory\", {Message(field, "is mandatory.")});");
            writer.CloseBlock();
        }

        if (!HasValueChecks(field))
        {
            return;
        }

        writer.OpenBlock(field.Mandatory ? "else" : $"if ({present})");
        switch (field.Type.Kind)
        {
            case SpecTypeKind.List:
                EmitCount(writer, field, name);
                EmitElements(writer, field, name, isList: true);
                break;
            case SpecTypeKind.Map:
                EmitCount(writer, field, name);
                EmitElements(writer, field, name, isList: false);
                break;
            case SpecTypeKind.Class:
                writer.WriteLine("int mark = errors.Count;");
                writer.WriteLine($"{name}.ValidateInto(ref errors);");
                writer.WriteLine($"errors.Prefix(mark, {json});");
                break;
            default:
                bool firstCheck = true;
                foreach (Check check in ScalarChecks(field, field.Type, isString ? name : name + ".Value"))
                {
                    if (!firstCheck)
                    {
                        writer.WriteLine();
                    }

                    firstCheck = false;
                    writer.OpenBlock($"if ({check.Failure})");
                    writer.WriteLine($"errors.Add({json}, \"{check.Code}\", {Message(field, check.Message)});");
                    writer.CloseBlock();
                }

                break;
        }

        writer.CloseBlock();
    }

    private static void EmitCount(SourceWriter writer, FieldSpec field, string name)
    {
        string json = CSharpText.Literal(field.JsonName);
        if (field.Constraints.MinItems is { } min)
        {
            writer.OpenBlock($"if ({name}.Count < {min})");
            writer.WriteLine($"errors.Add({json}, \"minItems\", {Message(field, $"must have at least {min} item{(min == 1 ? string.Empty : "s")}.")});");
            writer.CloseBlock();
            writer.WriteLine();
        }

        if (field.Constraints.MaxItems is { } max)
        {
            writer.OpenBlock($"if ({name}.Count > {max})");
            writer.WriteLine($"errors.Add({json}, \"maxItems\", {Message(field, $"must have at most {max} item{(max == 1 ? string.Empty : "s")}.")});");
            writer.CloseBlock();
            writer.WriteLine();
        }
    }

    private static void EmitElements(SourceWriter writer, FieldSpec field, string name, bool isList)
    {
        TypeRef element = field.Type.Element!;
        string json = CSharpText.Literal(field.JsonName);
        string item = isList ? $"{name}[i]" : "entry.Value";
        string where = isList ? "i" : "entry.Key";
        if (element.Kind == SpecTypeKind.Class)
        {
            OpenLoop(writer, name, isList);
            writer.OpenBlock($"if ({item} != null)");
            writer.WriteLine("int mark = errors.Count;");
            writer.WriteLine($"{item}.ValidateInto(ref errors);");
            writer.WriteLine($"errors.Prefix(mark, {json}, {where});");
            writer.CloseBlock();
            writer.CloseBlock();
            return;
        }

        List<Check> checks = ScalarChecks(field, element, item).ToList();
        if (checks.Count == 0)
        {
            return;
        }

        OpenLoop(writer, name, isList);
        if (element.IsStringLike)
        {
            writer.OpenBlock($"if ({Checks}.IsMissing({item}))");
            writer.WriteLine("continue;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        for (int c = 0; c < checks.Count; c++)
        {
            Check check = checks[c];
            if (c > 0)
            {
                writer.WriteLine();
            }

            writer.OpenBlock($"if ({check.Failure})");
            writer.WriteLine($"errors.Add({json}, {where}, \"{check.Code}\", {CSharpText.Literal($"Each item of '{field.JsonName}' {check.Message}")});");
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    private static void OpenLoop(SourceWriter writer, string name, bool isList)
        => writer.OpenBlock(isList ? $"for (int i = 0; i < {name}.Count; i++)" : $"foreach (var entry in {name})");

    private readonly struct Check
    {
        public Check(string code, string failure, string message)
        {
            Code = code;
            Failure = failure;
            Message = message;
        }

        public string Code { get; }

        public string Failure { get; }

        public string Message { get; }
    }

    /// <summary>The constraint checks of a scalar value, each as a failure condition.</summary>
    private static IEnumerable<Check> ScalarChecks(FieldSpec field, TypeRef type, string value)
    {
        ConstraintsSpec c = field.Constraints;
        TypeRef scalar = type;
        if (type.IsCollection || type.Kind is SpecTypeKind.Class or SpecTypeKind.Json)
        {
            // Constraints apply to scalars, and to the scalar items of one list or map level.
            yield break;
        }

        if (c.Values.Count > 0)
        {
            IEnumerable<string> allowed = c.Values.Select(v => ValueLiteral(scalar, v));
            yield return new Check("values", string.Join(" && ", allowed.Select(v => $"{value} != {v}")), $"must be one of: {string.Join(", ", c.Values)}.");
        }

        if (c.Format is { } format && SpecFormats.IsKnown(format) && (scalar.IsStringLike || scalar.Kind is SpecTypeKind.Int64 or SpecTypeKind.Int32))
        {
            yield return new Check("format", $"!global::SpecGen.SpecFormats.IsValid({value}, {CSharpText.Literal(format)})", $"must match the format '{format}'.");
        }

        if (!scalar.IsStringLike)
        {
            if (scalar.IsNumber)
            {
                string suffix = scalar.Kind == SpecTypeKind.Double ? "d" : "m";
                if (c.Minimum is { } minimum)
                {
                    yield return new Check("minimum", $"{value} < {Number(minimum, suffix)}", $"must be at least {Number(minimum, string.Empty)}.");
                }

                if (c.Maximum is { } maximum)
                {
                    yield return new Check("maximum", $"{value} > {Number(maximum, suffix)}", $"must be at most {Number(maximum, string.Empty)}.");
                }
            }

            yield break;
        }

        if (c.Pattern is not null)
        {
            yield return new Check("pattern", $"!{PatternField(field)}.IsMatch({value})", $"must match the pattern '{c.Pattern}'.");
        }

        if (c.MinLength is { } minLength)
        {
            yield return new Check("minLength", $"{value}.Length < {minLength}", $"must be at least {minLength} characters long.");
        }

        if (c.MaxLength is { } maxLength)
        {
            yield return new Check("maxLength", $"{value}.Length > {maxLength}", $"must be at most {maxLength} characters long.");
        }

        if (c.Minimum is { } min)
        {
            yield return new Check("minimum", $"!{Checks}.IsNumberAtLeast({value}, {CSharpText.Literal(min)})", $"must be a number not less than {Number(min, string.Empty)}.");
        }

        if (c.Maximum is { } max)
        {
            yield return new Check("maximum", $"!{Checks}.IsNumberAtMost({value}, {CSharpText.Literal(max)})", $"must be a number not greater than {Number(max, string.Empty)}.");
        }
    }

    private static string Number(decimal value, string suffix) => value.ToString(CultureInfo.InvariantCulture) + suffix;

    private static string ValueLiteral(TypeRef type, string value) => type.Kind switch
    {
        SpecTypeKind.Int32 or SpecTypeKind.Int64 => value,
        SpecTypeKind.Double => value + "d",
        SpecTypeKind.Boolean => value,
        _ => CSharpText.Literal(value),
    };

    private static string Message(FieldSpec field, string rest) => CSharpText.Literal($"'{field.JsonName}' {rest}");

    private static void EmitRule(SourceWriter writer, ClassSpec spec, RuleSpec rule)
    {
        FieldSpec[] members = rule.Fields.Select(n => spec.Fields.FirstOrDefault(f => f.JsonName == n)).Where(f => f is not null).ToArray()!;
        string names = string.Join(", ", members.Select(f => "'" + f.JsonName + "'"));
        string counter = rule.Kind == RuleKind.AtLeastOne ? "atLeastOne" : "exactlyOne";
        writer.OpenBlock();
        writer.WriteLine($"int {counter} = 0;");
        foreach (FieldSpec member in members)
        {
            string set = member.Type.IsStringLike ? $"!{Checks}.IsMissing({member.PropertyName})" : $"{member.PropertyName} != null";
            writer.OpenBlock($"if ({set})");
            writer.WriteLine($"{counter}++;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        if (rule.Kind == RuleKind.AtLeastOne)
        {
            writer.OpenBlock($"if ({counter} == 0)");
            writer.WriteLine($"errors.Add(string.Empty, \"atLeastOne\", {CSharpText.Literal($"At least one of {names} must be set.")});");
        }
        else
        {
            writer.OpenBlock($"if ({counter} != 1)");
            writer.WriteLine($"errors.Add(string.Empty, \"exactlyOne\", {CSharpText.Literal($"Exactly one of {names} must be set.")});");
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }
}
