using System;
using System.Collections.Generic;

namespace SpecGen;

/// <summary>The values the member allows, as the spec writes them.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class SpecValuesAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public SpecValuesAttribute(params string[] values) => Values = values;

    /// <summary>The allowed values.</summary>
    public IReadOnlyList<string> Values { get; }
}
