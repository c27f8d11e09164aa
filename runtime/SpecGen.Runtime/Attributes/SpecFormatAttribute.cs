using System;

namespace SpecGen;

/// <summary>
/// The format of the member's value: a date pattern such as <c>yyyy-MM-dd HH:mm:ss</c>, or
/// <c>unix-ms</c>/<c>unix-s</c> (see <see cref="SpecFormats"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class SpecFormatAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public SpecFormatAttribute(string format) => Format = format;

    /// <summary>The format.</summary>
    public string Format { get; }
}
