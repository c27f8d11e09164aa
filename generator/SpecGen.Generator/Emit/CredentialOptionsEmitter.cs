using System.Collections.Generic;
using SpecGen.Generator.Common;

namespace SpecGen.Generator.Emit;

/// <summary>
/// The part of a client's options that holds credentials, for a token flow or a session alike: the
/// rejection codes the spec lists, one property per credential, and a <c>ToString</c> that masks them.
/// </summary>
internal static class CredentialOptionsEmitter
{
    /// <summary>One credential option: its C# type and name, its doc summary, and its label in <c>ToString</c> as a literal.</summary>
    public readonly record struct Credential(string Type, string Name, string Summary, string ToStringLabelLiteral);

    /// <summary>Writes the options' credential members.</summary>
    /// <param name="writer">The writer, inside the options class.</param>
    /// <param name="optionsClass">The options class's name, for its constructor.</param>
    /// <param name="rejected">What the codes reject, <c>token</c> or <c>session</c>, for the constructor's doc.</param>
    /// <param name="rejectionCodesProperty">The <c>SpecClientOptions</c> list the codes go in: <c>TokenRejectionCodes</c> or <c>SessionRejectionCodes</c>.</param>
    /// <param name="rejectedLiterals">The codes the spec lists, as C# literals.</param>
    /// <param name="credentials">The credentials, in spec order.</param>
    /// <param name="toStringPrefixLiteral">The start of <c>ToString</c>'s text, as a literal.</param>
    public static void Write(SourceWriter writer, string optionsClass, string rejected, string rejectionCodesProperty, ImmutableEquatableArray<string> rejectedLiterals, IEnumerable<Credential> credentials, string toStringPrefixLiteral)
    {
        if (rejectedLiterals.Count > 0)
        {
            writer.WriteLine($"/// <summary>Creates the options, with the codes by which the service rejects a {rejected} in <see cref=\"global::SpecGen.SpecClientOptions.{rejectionCodesProperty}\"/>.</summary>");
            writer.OpenBlock($"public {optionsClass}()");
            foreach (string code in rejectedLiterals)
            {
                writer.WriteLine($"this.{rejectionCodesProperty}.Add({code});");
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        var all = new List<Credential>(credentials);
        foreach (Credential credential in all)
        {
            CSharpText.WriteDocs(writer, credential.Summary, null);
            writer.WriteLine($"public {credential.Type} {credential.Name} {{ get; set; }}");
            writer.WriteLine();
        }

        writer.WriteLine("/// <summary>The options, credentials masked.</summary>");
        writer.OpenBlock("public override string ToString()");
        writer.WriteLine("var text = new global::System.Text.StringBuilder();");
        writer.WriteLine($"text.Append({toStringPrefixLiteral}).Append(this.BaseAddress);");
        foreach (Credential credential in all)
        {
            writer.WriteLine($"global::SpecGen.SpecText.AppendSecret(text.Append({credential.ToStringLabelLiteral}), this.{credential.Name});");
        }

        writer.WriteLine("return text.Append(\" }\").ToString();");
        writer.CloseBlock();
    }
}
