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
        writer.WriteLine("/// <summary>Checks this object against its spec: mandatory fields, allowed values, formats, patterns, lengths, ranges and rules, in nested objects too. An empty string counts as not transferred.</summary>");
        writer.OpenBlock($"public global::SpecGen.ValidationResult {KnownNames.Validate}()");
        writer.WriteLine("var errors = new global::SpecGen.ValidationErrorCollector();");
        foreach (PropertyModel property in cls.Properties)
        {
            if (property.Mandatory || property.HasValueChecks)
            {
                EmitProperty(writer, property);
            }
        }

        foreach (RuleModel rule in cls.Rules)
        {
            EmitRule(writer, rule);
        }

        writer.WriteLine("return errors.ToResult();");
        writer.CloseBlock();

        PropertyModel[] patterns = cls.Properties.Where(p => p.Pattern is not null).ToArray();
        if (patterns.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>The compiled patterns: linear-time where the runtime can (NonBacktracking), else each match bounded by a timeout.</summary>");
            writer.OpenBlock($"private static class {KnownNames.Patterns}");
            foreach (PropertyModel property in patterns)
            {
                writer.WriteLine($"internal static readonly global::System.Text.RegularExpressions.Regex {property.Pattern!.FieldName} = {Checks}.Pattern({property.Pattern.PatternLiteral});");
            }

            writer.CloseBlock();
        }
    }

    // One line per check where it fits: `if (failed) errors.Add(...);`, the checks of a present value
    // under its presence test, so a missing optional value is never checked further.
    private static void EmitProperty(SourceWriter writer, PropertyModel property)
    {
        string self = "this." + property.Name;
        bool isString = property.Type.Kind == ValueKind.String;
        string missing = isString ? $"{Checks}.IsMissing({self})" : $"{self} == null";
        string present = isString ? $"!{Checks}.IsMissing({self})" : $"{self} != null";
        if (property.Mandatory)
        {
            writer.WriteLine($"if ({missing}) errors.Add({property.PathLiteral}, \"mandatory\", {property.MandatoryMessageLiteral});");
        }

        if (!property.HasValueChecks)
        {
            return;
        }

        // A nested object validates itself; its errors come back under the property's path.
        if (property.Type.Kind == ValueKind.Class)
        {
            writer.WriteLine($"errors.AddNested({property.PathLiteral}, {self}?.{KnownNames.Validate}());");
            return;
        }

        if (property.Type.IsCollection && property.Type.Element!.Kind == ValueKind.Class && property.ItemCounts.Count == 0)
        {
            writer.WriteLine(NestedItems(property, self));
            return;
        }

        string guard = property.Mandatory ? "else" : $"if ({present})";
        bool simple = !property.Type.IsCollection && property.Type.Kind != ValueKind.Class;
        if (simple && property.Checks.Count == 1)
        {
            CheckModel check = property.Checks[0];
            string condition = Failure(check, property, property.Type.IsValueType ? self + ".Value" : self);
            writer.WriteLine(property.Mandatory
                ? $"else if ({condition}) errors.Add({property.PathLiteral}, \"{check.Code}\", {check.MessageLiteral});"
                : $"if ({present} && {condition}) errors.Add({property.PathLiteral}, \"{check.Code}\", {check.MessageLiteral});");
            return;
        }

        writer.OpenBlock(guard);
        switch (property.Type.Kind)
        {
            case ValueKind.List:
            case ValueKind.Map:
                EmitCounts(writer, property, self);
                EmitItems(writer, property, self, property.Type.Kind == ValueKind.List);
                break;
            default:
                string value = property.Type.IsValueType ? self + ".Value" : self;
                foreach (CheckModel check in property.Checks)
                {
                    writer.WriteLine($"if ({Failure(check, property, value)}) errors.Add({property.PathLiteral}, \"{check.Code}\", {check.MessageLiteral});");
                }

                break;
        }

        writer.CloseBlock();
    }

    private static void EmitCounts(SourceWriter writer, PropertyModel property, string self)
    {
        foreach (CheckModel check in property.ItemCounts)
        {
            writer.WriteLine($"if ({Failure(check, property, self)}) errors.Add({property.PathLiteral}, \"{check.Code}\", {check.MessageLiteral});");
        }
    }

    private static void EmitItems(SourceWriter writer, PropertyModel property, string self, bool isList)
    {
        ValueShape element = property.Type.Element!;
        string item = isList ? $"{self}[i]" : "entry.Value";
        string where = isList ? "i" : "entry.Key";
        if (element.Kind == ValueKind.Class)
        {
            writer.WriteLine(NestedItems(property, self));
            return;
        }

        if (property.Checks.Count == 0)
        {
            return;
        }

        OpenLoop(writer, self, isList);
        if (element.Kind == ValueKind.String)
        {
            writer.WriteLine($"if ({Checks}.IsMissing({item})) continue;");
        }

        foreach (CheckModel check in property.Checks)
        {
            writer.WriteLine($"if ({Failure(check, property, item)}) errors.Add({property.PathLiteral}, {where}, \"{check.Code}\", {check.ItemMessageLiteral});");
        }

        writer.CloseBlock();
    }

    private static string NestedItems(PropertyModel property, string self)
        => $"errors.AddNested({property.PathLiteral}, {self}, item => item.{KnownNames.Validate}());";

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
            CheckKind.DotSegment => $"{Checks}.IsDotSegment({value})",
            CheckKind.LineBreak => $"{Checks}.HasLineBreak({value})",
            CheckKind.ShorterThan => $"{value}.Length < {operand}",
            CheckKind.LongerThan => $"{value}.Length > {operand}",
            CheckKind.FewerItems => $"{value}.Count < {operand}",
            _ => $"{value}.Count > {operand}",
        };
    }

    private static void EmitRule(SourceWriter writer, RuleModel rule)
    {
        // At least one: stop at the first value that is set. Exactly one: count them all.
        string failed = rule.ExactlyOne
            ? string.Join(" + ", rule.Members.Select(member => $"{Checks}.OneIfSet(this.{member.PropertyName})")) + " != 1"
            : string.Join(" && ", rule.Members.Select(member => member.IsString ? $"{Checks}.IsMissing(this.{member.PropertyName})" : $"this.{member.PropertyName} == null"));
        writer.WriteLine($"if ({failed}) errors.Add(string.Empty, \"{rule.Code}\", {rule.MessageLiteral});");
    }
}
