using System;
using System.Collections.Generic;

namespace SpecGen;

/// <summary>At least one of the named members must be set.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SpecAtLeastOneAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="members">The C# names of the members.</param>
    public SpecAtLeastOneAttribute(params string[] members) => Members = members;

    /// <summary>The C# names of the members.</summary>
    public IReadOnlyList<string> Members { get; }
}
