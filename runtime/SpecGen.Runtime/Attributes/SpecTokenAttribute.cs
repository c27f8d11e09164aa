using System;

namespace SpecGen;

/// <summary>
/// The member holds an access token that the generated client fills from the registered
/// <c>ISpecTokenProvider</c> when the caller leaves it empty. Analyzers do not ask for it to be set.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class SpecTokenAttribute : Attribute
{
}
