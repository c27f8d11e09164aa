using System.Linq;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes how a response class reads its Header fields from the answer's headers: the client calls
/// it before <c>Validate()</c>, so a mandatory header is checked as a body field is.
/// </summary>
internal static class HeaderFieldsEmitter
{
    public const string Interface = "global::SpecGen.ISpecResponseHeaderFields";

    public static void Emit(SourceWriter writer, ClassModel cls)
    {
        if (!cls.ReadsHeaders)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Sets the Header fields from the answer's headers.</summary>");
        writer.OpenBlock($"void {Interface}.ReadHeaders(global::SpecGen.SpecResponseHeaders headers)");
        int lists = 0;
        foreach (PropertyModel property in cls.Properties.Where(p => p.Position == "Header"))
        {
            // Each list gets a variable of its own: two list headers share the method's scope.
            writer.WriteLine(property.Type.Kind == ValueKind.List
                ? $"this.{property.Name} = headers.GetAll({property.JsonNameLiteral}) is {{ Count: > 0 }} values{lists} ? new global::System.Collections.Generic.List<string>(values{lists++}) : null;"
                : $"this.{property.Name} = headers.Get({property.JsonNameLiteral});");
        }

        writer.CloseBlock();
    }
}
