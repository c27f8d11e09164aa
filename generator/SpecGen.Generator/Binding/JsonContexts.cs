using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Binding;

/// <summary>
/// The JSON context of each service: its name, the interfaces' parts it gathers, and its property
/// names. Folders that share a namespace and a service name share one context, as they share one client.
/// </summary>
internal static class JsonContexts
{
    /// <summary>
    /// What a context declares or inherits besides its DTO properties. A DTO of one of these names
    /// gets its property under another name, since a property cannot hide these (CS0108, CS0542).
    /// </summary>
    private static readonly string[] ContextMembers =
    {
        "Default", "Options", "GeneratedSerializerOptions", "GetTypeInfo",
        "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>The context class of a service, such as <c>CecChatbotJsonContext</c>.</summary>
    public static string ClassName(string serviceName) => serviceName + KnownNames.JsonContextSuffix;

    /// <summary>The interface's part, or null when it has no client (no method or URL) and so belongs to no service.</summary>
    public static JsonContextPart? Part(BoundInterface bound)
    {
        if (bound.Model is null || bound.Client is null)
        {
            return null;
        }

        ServiceModel service = bound.Client.Service;
        return new JsonContextPart(
            service.Namespace,
            ClassName(service.ServiceName),
            service.FolderName,
            bound.Client.SourceFile,
            service.Options,
            bound.Model.Classes.Select(c => new JsonContextType(c.Name, c.TypeName)).ToImmutableEquatableArray());
    }

    /// <summary>One context per namespace and class name, from the parts of the files that are emitted, in a stable order.</summary>
    /// <param name="suppressedFiles">Files not emitted because their names clashed: their DTOs do not exist.</param>
    public static ImmutableEquatableArray<JsonContextModel> Group(ImmutableArray<JsonContextPart> parts, ImmutableEquatableArray<string> suppressedFiles)
    {
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var contexts = new List<JsonContextModel>();
        IEnumerable<IGrouping<string, JsonContextPart>> groups = parts
            .Where(p => !suppressedFiles.Contains(p.SourceFile))
            .OrderBy(p => p.SourceFile, StringComparer.Ordinal)
            .GroupBy(p => p.Namespace + "." + p.ClassName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (IGrouping<string, JsonContextPart> group in groups)
        {
            JsonContextPart first = group.First();
            JsonContextType[] types = group.SelectMany(p => p.Types).ToArray();
            if (types.Length == 0)
            {
                continue;
            }

            // Two services whose names differ only in case would get hint names the compiler takes for one.
            string hint = HintNames.Of(first.Namespace, first.ClassName);
            string stem = hint.Substring(0, hint.Length - ".g.cs".Length);
            for (int number = 2; !hints.Add(hint); number++)
            {
                hint = $"{stem}.{number}.g.cs";
            }

            contexts.Add(new JsonContextModel(
                hint,
                string.Join(", ", group.Select(p => p.FolderName).Distinct(StringComparer.Ordinal)),
                first.Namespace,
                first.ClassName,
                first.Options,
                Properties(first.ClassName, types)));
        }

        return contexts.ToImmutableEquatableArray();
    }

    /// <summary>
    /// Each DTO's property is named after its class, which is unique in the namespace; a class named
    /// like a member of the context takes <c>{Name}TypeInfo</c> (numbered if a class has that name too).
    /// </summary>
    private static ImmutableEquatableArray<JsonContextProperty> Properties(string className, JsonContextType[] types)
    {
        var used = new HashSet<string>(ContextMembers, StringComparer.Ordinal) { className };
        bool[] renamed = types.Select(t => used.Contains(CSharpNames.Bare(t.Name))).ToArray();
        for (int i = 0; i < types.Length; i++)
        {
            if (!renamed[i])
            {
                used.Add(CSharpNames.Bare(types[i].Name));
            }
        }

        var names = new string[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            string name = types[i].Name;
            if (renamed[i])
            {
                string stem = CSharpNames.Bare(name) + "TypeInfo";
                name = stem;
                for (int number = 2; !used.Add(name); number++)
                {
                    name = stem + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            names[i] = name;
        }

        var properties = new List<JsonContextProperty>(types.Length);
        for (int i = 0; i < types.Length; i++)
        {
            string field = "_" + CSharpNames.Bare(names[i]);
            while (!used.Add(field))
            {
                field = "_" + field;
            }

            properties.Add(new JsonContextProperty(names[i], field, types[i].TypeName));
        }

        return properties.ToImmutableEquatableArray();
    }
}
