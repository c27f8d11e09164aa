using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SpecGen.Generator.Spec;

/// <summary>One interface in both versions: its call (method, url), its request and response tables walked side by side, its rules.</summary>
internal sealed class InterfaceComparer
{
    private static readonly Regex Placeholder = new(@"\{[^}/]*\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly string _folder;
    private readonly InterfaceSpec _old;
    private readonly InterfaceSpec _new;
    private readonly List<SpecChange> _changes;

    public InterfaceComparer(string folder, InterfaceSpec oldSpec, InterfaceSpec newSpec, List<SpecChange> changes)
    {
        _folder = folder;
        _old = oldSpec;
        _new = newSpec;
        _changes = changes;
    }

    public void Compare()
    {
        if (!string.Equals(_old.Method, _new.Method, StringComparison.OrdinalIgnoreCase))
        {
            // The model keeps no place for the method: the interface's name is the line nearest to it that it has.
            Add(ChangeKinds.MethodChanged, ChangeSeverity.Breaking, ChangeDirection.Request, string.Empty, _old.Method, _new.Method, _old.NameLocation, _new.NameLocation);
        }

        if (_old.Url != _new.Url)
        {
            // A placeholder renamed ({id} to {itemId}) sends the same bytes; its Path field's rename shows on its own.
            bool sameWire = Placeholder.Replace(_old.Url, "{}") == Placeholder.Replace(_new.Url, "{}");
            Add(ChangeKinds.UrlChanged, sameWire ? ChangeSeverity.Info : ChangeSeverity.Breaking, ChangeDirection.Request, string.Empty, _old.Url, _new.Url, _old.UrlLocation, _new.UrlLocation,
                sameWire ? "only a placeholder's name changed: the same path on the wire" : null);
        }

        if (Text(_old.Title) != Text(_new.Title))
        {
            Add(ChangeKinds.TitleChanged, ChangeSeverity.Info, ChangeDirection.Request, string.Empty, _old.Title, _new.Title, _old.NameLocation, _new.NameLocation);
        }

        if (Text(_old.Description) != Text(_new.Description))
        {
            Add(ChangeKinds.DescriptionChanged, ChangeSeverity.Info, ChangeDirection.Request, string.Empty, _old.Description, _new.Description, _old.NameLocation, _new.NameLocation);
        }

        var visited = new HashSet<(string, string)>();
        CompareClass(ChangeDirection.Request, _old.Request, _new.Request, string.Empty, visited);
        RuleComparer.Compare(_old.Request.Rules, _new.Request.Rules, _new.Request.Location, (kind, severity, old, @new, oldAt, newAt, hint) =>
            Add(kind, severity, ChangeDirection.Request, string.Empty, old, @new, oldAt, newAt, hint));
        CompareClass(ChangeDirection.Response, _old.Response, _new.Response, string.Empty, visited);
    }

    /// <summary>The fields of one table in both versions, by JSON name: the order they are written in is no change.</summary>
    private void CompareClass(ChangeDirection direction, ClassSpec oldClass, ClassSpec newClass, string prefix, HashSet<(string, string)> visited)
    {
        // A type that holds itself (a tree) is walked once per direction.
        if (!visited.Add((direction + ":" + oldClass.Id, newClass.Id)))
        {
            return;
        }

        var oldFields = new Dictionary<string, FieldSpec>(StringComparer.Ordinal);
        foreach (FieldSpec field in oldClass.Fields)
        {
            oldFields[field.JsonName] = field;
        }

        var newNames = new HashSet<string>(newClass.Fields.Select(f => f.JsonName), StringComparer.Ordinal);
        List<FieldSpec> removed = oldClass.Fields.Where(f => !newNames.Contains(f.JsonName)).ToList();
        List<FieldSpec> added = newClass.Fields.Where(f => !oldFields.ContainsKey(f.JsonName)).ToList();

        foreach (FieldSpec field in newClass.Fields)
        {
            string path = prefix + field.JsonName;
            if (oldFields.TryGetValue(field.JsonName, out FieldSpec? before))
            {
                CompareField(direction, before, field, path, visited);
                continue;
            }

            ChangeSeverity severity = direction == ChangeDirection.Request && field.Mandatory && !field.Token ? ChangeSeverity.Breaking : ChangeSeverity.Info;
            Add(ChangeKinds.FieldAdded, severity, direction, path, null, Describe(field), null, field.Location, RenameHint(field, removed, added, "renamed from"));
        }

        foreach (FieldSpec field in removed)
        {
            // A request field the server no longer reads is dropped quietly: callers still compile against an older client, but what they set is ignored.
            ChangeSeverity severity = direction == ChangeDirection.Response ? ChangeSeverity.Breaking : ChangeSeverity.Warning;
            Add(ChangeKinds.FieldRemoved, severity, direction, prefix + field.JsonName, Describe(field), null, field.Location, Neighbour(field, oldClass, newClass), RenameHint(field, added, removed, "renamed to"));
        }
    }

    /// <summary>Where a removed field was in the new spec: at the field that followed it (or preceded it) and is still there, else at its table.</summary>
    private static Diagnostics.LocationInfo Neighbour(FieldSpec removed, ClassSpec oldClass, ClassSpec newClass)
    {
        int index = oldClass.Fields.ToList().IndexOf(removed);
        IEnumerable<FieldSpec> candidates = oldClass.Fields.Skip(index + 1).Concat(oldClass.Fields.Take(index).Reverse());
        foreach (FieldSpec old in candidates)
        {
            if (newClass.Fields.FirstOrDefault(f => f.JsonName == old.JsonName) is { } kept)
            {
                return kept.Location;
            }
        }

        return newClass.Location;
    }

    private void CompareField(ChangeDirection direction, FieldSpec oldField, FieldSpec newField, string path, HashSet<(string, string)> visited)
    {
        void Change(string kind, ChangeSeverity severity, string? old, string? @new, string? hint = null)
            => Add(kind, severity, direction, path, old, @new, oldField.Location, newField.Location, hint);

        CompareType(direction, oldField, newField, path, visited, Change);

        if (oldField.Position != newField.Position)
        {
            Change(ChangeKinds.PositionChanged, ChangeSeverity.Breaking, oldField.Position.ToString(), newField.Position.ToString());
        }

        if (oldField.Mandatory != newField.Mandatory)
        {
            // Mandatory in a request: callers must now send it. Not mandatory in a response: readers may now miss it.
            Change(
                newField.Mandatory ? ChangeKinds.FieldMandatory : ChangeKinds.FieldOptional,
                Verdicts.Judge(direction, narrower: newField.Mandatory),
                oldField.Mandatory ? "Yes" : "No",
                newField.Mandatory ? "Yes" : "No");
        }

        if (oldField.CSharpName != newField.CSharpName)
        {
            Change(ChangeKinds.CSharpNameChanged, ChangeSeverity.Warning, oldField.CSharpName, newField.CSharpName, "the wire is the same; code that uses the generated property must use its new name");
        }

        if (oldField.Secret != newField.Secret)
        {
            Change(ChangeKinds.SecretChanged, ChangeSeverity.Info, YesNo(oldField.Secret), YesNo(newField.Secret));
        }

        if (oldField.Token != newField.Token)
        {
            // A field the client no longer fills from the token provider must now be set by the caller.
            Change(ChangeKinds.TokenChanged, oldField.Token ? ChangeSeverity.Warning : ChangeSeverity.Info, YesNo(oldField.Token), YesNo(newField.Token));
        }

        if (Text(oldField.Description) != Text(newField.Description))
        {
            Change(ChangeKinds.DescriptionChanged, ChangeSeverity.Info, oldField.Description, newField.Description);
        }

        ConstraintComparer.Compare(direction, oldField.Constraints, newField.Constraints, (kind, severity, old, @new) => Change(kind, severity, old, @new));
    }

    /// <summary>
    /// Two types of the same shape (a list of a class and a list of a class) are the same to the wire:
    /// their classes are compared field by field, and only a changed class name is reported, since
    /// the generated code's class names come from it. A different shape is a changed type.
    /// </summary>
    private void CompareType(ChangeDirection direction, FieldSpec oldField, FieldSpec newField, string path, HashSet<(string, string)> visited, Action<string, ChangeSeverity, string?, string?, string?> change)
    {
        if (!SameShape(oldField.Type, newField.Type))
        {
            change(ChangeKinds.TypeChanged, TypeVerdict(direction, oldField.Type, newField.Type), oldField.Type.ToString(), newField.Type.ToString(), null);
            return;
        }

        TypeRef oldInner = oldField.Type.Innermost;
        TypeRef newInner = newField.Type.Innermost;
        if (oldInner.Kind != SpecTypeKind.Class)
        {
            return;
        }

        ClassSpec? oldClass = _old.Classes.FirstOrDefault(c => c.Id == oldInner.ClassId);
        ClassSpec? newClass = _new.Classes.FirstOrDefault(c => c.Id == newInner.ClassId);
        if (oldClass is null || newClass is null)
        {
            return;
        }

        string oldName = ClassName(oldClass);
        string newName = ClassName(newClass);
        if (oldName != newName)
        {
            change(ChangeKinds.TypeNameChanged, ChangeSeverity.Warning, oldName, newName, "the wire is the same; the generated class is renamed");
        }

        CompareClass(direction, oldClass, newClass, path + Suffix(oldField.Type) + ".", visited);
    }

    /// <summary>The name the class of a table takes its C# name from: the <c>types</c> key, or an inline object's <c>typeName</c>.</summary>
    private static string ClassName(ClassSpec cls) => cls.Kind == ClassKind.Named ? cls.SpecName : cls.TypeName ?? "(inline)";

    private static bool SameShape(TypeRef a, TypeRef b)
        => a.Kind == b.Kind && (a.Element is null ? b.Element is null : b.Element is not null && SameShape(a.Element, b.Element));

    /// <summary><c>[]</c> per list and <c>{}</c> per map level between the field and its items' class.</summary>
    private static string Suffix(TypeRef type)
        => type.Kind switch
        {
            SpecTypeKind.List => "[]" + Suffix(type.Element!),
            SpecTypeKind.Map => "{}" + Suffix(type.Element!),
            _ => string.Empty,
        };

    /// <summary>
    /// A changed type breaks, except a number that widens in a request (Integer to Long: every old
    /// value is still valid) or narrows in a response, and a String that becomes a Date or back (the
    /// same JSON string): only the generated property's type changes then.
    /// </summary>
    private static ChangeSeverity TypeVerdict(ChangeDirection direction, TypeRef oldType, TypeRef newType)
    {
        if (oldType.IsStringLike && newType.IsStringLike)
        {
            return ChangeSeverity.Warning;
        }

        if (oldType.IsNumber && newType.IsNumber)
        {
            bool wider = Width(newType.Kind) > Width(oldType.Kind);
            return wider == (direction != ChangeDirection.Response) ? ChangeSeverity.Warning : ChangeSeverity.Breaking;
        }

        return ChangeSeverity.Breaking;
    }

    private static int Width(SpecTypeKind kind) => kind switch
    {
        SpecTypeKind.Int32 => 1,
        SpecTypeKind.Int64 => 2,
        _ => 3,
    };

    /// <summary>A field gone and one come with the same type and position in the same table: likely a rename.</summary>
    private static string? RenameHint(FieldSpec field, List<FieldSpec> otherSide, List<FieldSpec> sameSide, string words)
    {
        FieldSpec[] candidates = otherSide.Where(f => f.Position == field.Position && SameShape(f.Type, field.Type)).ToArray();
        int rivals = sameSide.Count(f => f.Position == field.Position && SameShape(f.Type, field.Type));
        return candidates.Length == 1 && rivals == 1
            ? $"looks like a rename ({words} '{candidates[0].JsonName}'): to the wire, one field is gone and another is new"
            : null;
    }

    private static string Describe(FieldSpec field)
        => field.Type + (field.Mandatory ? ", mandatory" : string.Empty) + (field.Position != FieldPosition.Body ? ", " + field.Position : string.Empty);

    private static string YesNo(bool value) => value ? "Yes" : "No";

    /// <summary>Descriptions compare by their words: a re-wrapped or re-indented text is the same text.</summary>
    private static string Text(string? text) => text is null ? string.Empty : string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private void Add(string kind, ChangeSeverity severity, ChangeDirection direction, string path, string? old, string? @new, Diagnostics.LocationInfo? oldAt, Diagnostics.LocationInfo? newAt, string? hint = null)
        => _changes.Add(new SpecChange(kind, severity, direction, _folder, _new.Name, path, old, @new, oldAt, newAt, hint));
}
