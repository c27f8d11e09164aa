using System;

namespace SpecGen;

/// <summary>Marks a property as a field of a spec, with its wire name and position.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class SpecFieldAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public SpecFieldAttribute(string name, SpecPosition position = SpecPosition.Body)
    {
        Name = name;
        Position = position;
    }

    /// <summary>The JSON, header or query name, exactly as the spec writes it.</summary>
    public string Name { get; }

    /// <summary>Where the field travels.</summary>
    public SpecPosition Position { get; }
}
