using System;

namespace SpecGen;

/// <summary>The member holds a secret: it is masked in <c>ToString()</c>, logs and exception messages.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class SpecSecretAttribute : Attribute
{
}
