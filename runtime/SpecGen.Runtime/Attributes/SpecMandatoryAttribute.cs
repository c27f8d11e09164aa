using System;

namespace SpecGen;

/// <summary>
/// The member must be set (to something other than null or an empty string). The SPEC1xxx
/// analyzers report an object creation that leaves it unset.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class SpecMandatoryAttribute : Attribute
{
}
