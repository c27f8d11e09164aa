using System.Collections.Generic;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>The doc remarks of a property: what the spec's row says, in a sentence or two.</summary>
internal static class PropertyDocs
{
    public static string Remarks(FieldSpec field)
    {
        var parts = new List<string>
        {
            field.JsonName == WholeBody.RowName && field.Position == FieldPosition.Body
                ? $"The whole JSON body (the row '-'), {field.TypeText}, {(field.Mandatory ? "mandatory" : "optional")}."
                : $"{field.Position} field '{field.JsonName}', {field.TypeText}, {(field.Mandatory ? "mandatory" : "optional")}.",
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
}
