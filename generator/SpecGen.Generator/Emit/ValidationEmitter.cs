using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes <c>Validate()</c>: straight-line checks with constant messages, so that a valid object
/// validates without allocating and no message ever contains a value (secrets stay secret).
/// </summary>
internal static class ValidationEmitter
{
    private const string Checks = "global::SpecGen.SpecChecks";

    public static void Emit(SourceWriter writer, ClassModel cls)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Checks this object against its spec: mandatory fields, allowed values, formats, patterns,");
        writer.WriteLine("/// lengths, ranges and rules, in nested objects too. An empty string counts as not transferred.");
        writer.WriteLine("/// </summary>");
        writer.OpenBlock($"public global::SpecGen.ValidationResult {KnownNames.Validate}()");
        writer.WriteLine("var errors = new global::SpecGen.ValidationErrorCollector();");
        writer.WriteLine($"this.{KnownNames.ValidateInto}(ref errors);");
        writer.WriteLine("return errors.ToResult();");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Adds the errors of this object to <paramref name=\"errors\"/>, with paths relative to it.</summary>");
        writer.OpenBlock($"internal void {KnownNames.ValidateInto}(ref global::SpecGen.ValidationErrorCollector errors)");
        bool first = true;
        foreach (PropertyModel property in cls.Properties)
        {
            if (!property.Mandatory && !property.HasValueChecks)
            {
                continue;
            }

            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            EmitProperty(writer, property);
        }

        foreach (RuleModel rule in cls.Rules)
        {
            writer.WriteLine();
            EmitRule(writer, rule);
        }

        writer.CloseBlock();

        PropertyModel[] patterns = cls.Properties.Where(p => p.Pattern is not null).ToArray();
        if (patterns.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>The compiled patterns; a match that takes over a second fails the check instead of hanging.</summary>");
            writer.OpenBlock($"private static class {KnownNames.Patterns}");
            foreach (PropertyModel property in patterns)
            {
                writer.WriteLine($"internal static readonly global::System.Text.RegularExpressions.Regex {property.Pattern!.FieldName} = new global::System.Text.RegularExpressions.Regex(");
                writer.WriteLine($"    {property.Pattern.PatternLiteral}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));");
            }

            writer.CloseBlock();
        }
    }

    private static void EmitProperty(SourceWriter writer, PropertyModel property)
    {
        string self = "this." + property.Name;
        bool isString = property.Type.Kind == ValueKind.String;
        if (property.Mandatory)
        {
            writer.OpenBlock($"if ({(isString ? $"{Checks}.IsMissing({self})" : $"{self} == null")})");
            writer.WriteLine($"errors.Add({property.JsonNameLiteral}, \"mandatory\", {property.MandatoryMessageLiteral});");
            writer.CloseBlock();
        }

        if (!property.HasValueChecks)
        {
            return;
        }

        writer.OpenBlock(property.Mandatory ? "else" : $"if ({(isString ? $"!{Checks}.IsMissing({self})" : $"{self} != null")})");
        switch (property.Type.Kind)
        {
            case ValueKind.List:
            case ValueKind.Map:
                EmitCounts(writer, property, self);
                EmitItems(writer, property, self, property.Type.Kind == ValueKind.List);
                break;
            case ValueKind.Class:
                writer.WriteLine("int mark = errors.Count;");
                writer.WriteLine($"{self}.{KnownNames.ValidateInto}(ref errors);");
                writer.WriteLine($"errors.Prefix(mark, {property.JsonNameLiteral});");
                break;
            default:
                string value = property.Type.IsValueType ? self + ".Value" : self;
                for (int i = 0; i < property.Checks.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.WriteLine();
                    }

                    CheckModel check = property.Checks[i];
                    writer.OpenBlock($"if ({Failure(check, property, value)})");
                    writer.WriteLine($"errors.Add({property.JsonNameLiteral}, \"{check.Code}\", {check.MessageLiteral});");
                    writer.CloseBlock();
                }

                break;
        }

        writer.CloseBlock();
    }

    private static void EmitCounts(SourceWriter writer, PropertyModel property, string self)
    {
        foreach (CheckModel check in property.ItemCounts)
        {
            writer.OpenBlock($"if ({Failure(check, property, self)})");
            writer.WriteLine($"errors.Add({property.JsonNameLiteral}, \"{check.Code}\", {check.MessageLiteral});");
            writer.CloseBlock();
            writer.WriteLine();
        }
    }

    private static void EmitItems(SourceWriter writer, PropertyModel property, string self, bool isList)
    {
        ValueShape element = property.Type.Element!;
        string item = isList ? $"{self}[i]" : "entry.Value";
        string where = isList ? "i" : "entry.Key";
        if (element.Kind == ValueKind.Class)
        {
            OpenLoop(writer, self, isList);
            writer.OpenBlock($"if ({item} != null)");
            writer.WriteLine("int mark = errors.Count;");
            writer.WriteLine($"{item}.{KnownNames.ValidateInto}(ref errors);");
            writer.WriteLine($"errors.Prefix(mark, {property.JsonNameLiteral}, {where});");
            writer.CloseBlock();
            writer.CloseBlock();
            return;
        }

        if (property.Checks.Count == 0)
        {
            return;
        }

        OpenLoop(writer, self, isList);
        if (element.Kind == ValueKind.String)
        {
            writer.OpenBlock($"if ({Checks}.IsMissing({item}))");
            writer.WriteLine("continue;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        for (int i = 0; i < property.Checks.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            CheckModel check = property.Checks[i];
            writer.OpenBlock($"if ({Failure(check, property, item)})");
            writer.WriteLine($"errors.Add({property.JsonNameLiteral}, {where}, \"{check.Code}\", {check.ItemMessageLiteral});");
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    private static void OpenLoop(SourceWriter writer, string self, bool isList)
        => writer.OpenBlock(isList ? $"for (int i = 0; i < {self}.Count; i++)" : $"foreach (var entry in {self})");

    /// <summary>The condition under which <paramref name="check"/> fails for <paramref name="value"/>.</summary>
    private static string Failure(CheckModel check, PropertyModel property, string value)
    {
        string operand = check.Operands.Count > 0 ? check.Operands[0] : string.Empty;
        return check.Kind switch
        {
            CheckKind.NotOneOf => string.Join(" && ", check.Operands.Select(o => $"{value} != {o}")),
            CheckKind.Format => $"!global::SpecGen.SpecFormats.IsValid({value}, {operand})",
            CheckKind.Below => $"{value} < {operand}",
            CheckKind.Above => $"{value} > {operand}",
            CheckKind.TextBelow => $"!{Checks}.IsNumberAtLeast({value}, {operand})",
            CheckKind.TextAbove => $"!{Checks}.IsNumberAtMost({value}, {operand})",
            CheckKind.Pattern => $"!{Checks}.MatchesPattern({KnownNames.Patterns}.{property.Pattern!.FieldName}, {value})",
            CheckKind.ShorterThan => $"{value}.Length < {operand}",
            CheckKind.LongerThan => $"{value}.Length > {operand}",
            CheckKind.FewerItems => $"{value}.Count < {operand}",
            _ => $"{value}.Count > {operand}",
        };
    }

    private static void EmitRule(SourceWriter writer, RuleModel rule)
    {
        writer.OpenBlock();
        writer.WriteLine($"int {rule.Code} = 0;");
        foreach (RuleMember member in rule.Members)
        {
            string self = "this." + member.PropertyName;
            writer.OpenBlock($"if ({(member.IsString ? $"!{Checks}.IsMissing({self})" : $"{self} != null")})");
            writer.WriteLine($"{rule.Code}++;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.OpenBlock(rule.ExactlyOne ? $"if ({rule.Code} != 1)" : $"if ({rule.Code} == 0)");
        writer.WriteLine($"errors.Add(string.Empty, \"{rule.Code}\", {rule.MessageLiteral});");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
