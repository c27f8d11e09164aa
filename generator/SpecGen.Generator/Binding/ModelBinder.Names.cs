using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>Class names, their clashes within the file, and the names the file declares for the check across files.</summary>
internal sealed partial class ModelBinder
{
    /// <summary>The static class of the page's examples, which shares the namespace with the DTOs.</summary>
    private string ExamplesClass => _name + KnownNames.ExamplesSuffix;

    /// <summary>Names every class; a later class whose name is taken is reported and left out (null).</summary>
    private void NameClasses()
    {
        var taken = new Dictionary<string, ClassSpec>(StringComparer.Ordinal);
        foreach (ClassSpec cls in _spec.Classes)
        {
            string name = ClassName(cls);
            if (name == ExamplesClass && !_spec.Examples.IsEmpty)
            {
                Report(cls.Location, name, Describe(cls), "the class of the examples");
                _classNames[cls.Id] = null;
            }
            else if (Array.IndexOf(KnownNames.DeclaredMembers, name) >= 0)
            {
                Report(cls.Location, name, Describe(cls), "a member the class would declare");
                _classNames[cls.Id] = null;
            }
            else if (taken.TryGetValue(name, out ClassSpec? first))
            {
                Report(cls.Location, name, Describe(cls), Describe(first));
                _classNames[cls.Id] = null;
            }
            else
            {
                taken.Add(name, cls);
                _classNames[cls.Id] = name;
            }
        }
    }

    /// <summary>The C# name a class asks for, before clashes: an inline object's follows its owner's.</summary>
    private string ClassName(ClassSpec cls) => cls.Kind switch
    {
        ClassKind.Request => _name + KnownNames.RequestSuffix,
        ClassKind.Response => _name + KnownNames.ResponseSuffix,
        ClassKind.Named => CSharpNames.ToPascalCase(cls.SpecName),
        _ when cls.TypeName is not null => CSharpNames.ToPascalCase(cls.TypeName),
        _ when cls.Owner!.FieldJsonName == WholeBody.RowName => OwnerName(cls.Owner) + WholeBodyItemSuffix,
        _ => OwnerName(cls.Owner!) + CSharpNames.Bare(OwnerFieldName(cls.Owner!)),
    };

    /// <summary>The property name of the field that holds an inline object (the parser may have left out a repeated one).</summary>
    private string OwnerFieldName(InlineOwner owner)
        => _classesById[owner.ClassId].Fields.FirstOrDefault(f => f.JsonName == owner.FieldJsonName) is { } field
            ? RequestedPropertyName(field)
            : CSharpNames.ToPascalCase(owner.FieldJsonName);

    private string OwnerName(InlineOwner owner)
        => _classNames.TryGetValue(owner.ClassId, out string? name) && name is not null ? name : ClassName(_classesById[owner.ClassId]);

    private static string RequestedPropertyName(FieldSpec field)
        => field.CSharpName is { } name ? CSharpNames.ToIdentifier(name)
        : field.JsonName == WholeBody.RowName ? WholeBodyProperty
        : CSharpNames.ToPascalCase(field.JsonName);

    /// <summary>The property that holds a whole body given as a <c>-</c> row (the list itself): <c>request.Items</c>.</summary>
    internal const string WholeBodyProperty = "Items";

    /// <summary>The class of an inline object that is an item of a whole-body list: <c>{Owner}Item</c>, one item of the list.</summary>
    internal const string WholeBodyItemSuffix = "Item";

    /// <summary>The names, and apart from them (same order) where each is declared.</summary>
    private (DeclaredNames Names, ImmutableEquatableArray<LocationInfo> Locations) DeclareNames(string hintName, ExamplesModel? examples, ServiceModel? service)
    {
        string file = _spec.FilePath;
        ClassSpec[] declared = _spec.Classes.Where(c => _classNames[c.Id] is not null).ToArray();
        var names = declared.Select(c => new DeclaredName(_classNames[c.Id]!, file, Describe(c) + " of " + _name)).ToList();
        var locations = declared.Select(c => c.Location).ToList();
        if (examples is not null)
        {
            names.Add(new DeclaredName(examples.ClassName, file, "the examples of " + _name));
            locations.Add(_spec.NameLocation);
        }

        if (service is not null)
        {
            // Every interface of a folder declares its client; only another owner's use of a name clashes.
            string owner = "service " + service.Namespace + "." + service.ServiceName;
            var clientNames = new List<string> { service.ClientInterface, service.ClientClass, service.OptionsClass, service.ClientFactoryInterface, service.ClientFactoryClass };
            if (_options.FakeServer)
            {
                clientNames.Add(service.FakeClass);
            }

            names.AddRange(clientNames.Select(n => new DeclaredName(n, owner, $"the client of service '{service.ServiceName}'")));
            locations.AddRange(clientNames.Select(_ => _spec.NameLocation));
            names.Add(new DeclaredName(JsonContexts.ClassName(service.ServiceName), owner, $"the JSON context of service '{service.ServiceName}'"));
            locations.Add(_spec.NameLocation);
        }

        string? contextHint = service is null ? null : HintNames.Of(service.Namespace, JsonContexts.ClassName(service.ServiceName));
        return (new DeclaredNames(_namespace, file, hintName, service?.HintName, names.ToImmutableEquatableArray(), contextHint), locations.ToImmutableEquatableArray());
    }

    /// <summary>How a diagnostic names a class of the spec.</summary>
    private static string Describe(ClassSpec spec) => spec.Kind switch
    {
        ClassKind.Request => "the request class",
        ClassKind.Response => "the response class",
        ClassKind.Named => $"type '{spec.SpecName}'",
        _ => $"the inline object of field '{spec.SpecName}'",
    };
}
