using System;

namespace SpecGen;

/// <summary>
/// One spec file of the assembly, as the generator read it: what lets a project that references the
/// assembly (a test project with SpecGen.Testing) generate the fakes of its services without generating
/// its DTOs and clients a second time. The generator writes one per spec file; nothing else reads it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class SpecSourceAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="path">The spec file's path under the spec folder, with <c>/</c> separators, such as <c>cec-chatbot/service.yaml</c>.</param>
    /// <param name="text">The spec file's text.</param>
    public SpecSourceAttribute(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The spec file's path under the spec folder, with <c>/</c> separators.</summary>
    public string Path { get; }

    /// <summary>The spec file's text.</summary>
    public string Text { get; }

    /// <summary>The namespace of all the assembly's generated code (<c>SpecGenNamespace</c>), or null when each service.yaml names its own.</summary>
    public string? Namespace { get; set; }

    /// <summary>The namespace of services whose service.yaml names none (the project's <c>RootNamespace</c>), or null.</summary>
    public string? RootNamespace { get; set; }
}
