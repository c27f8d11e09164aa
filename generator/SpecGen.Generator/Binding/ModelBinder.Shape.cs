using System.Collections.Generic;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>
/// The answer's shape for the runtime's drift check: the response table and every table it holds,
/// as the spec writes them (JSON names, types, mandatory marks, <c>values</c>, secrets), so that
/// the check compares a real answer with the spec rather than with what the client needs of it.
/// </summary>
internal sealed partial class ModelBinder
{
    /// <summary>The client's static field that holds this interface's answer shape.</summary>
    private string AnswerShapeField => KnownNames.AnswerShapePrefix + _name;

    /// <summary>The shape, or null when the response table has no body field to compare an answer with.</summary>
    private AnswerShapeModel? BindAnswerShape()
    {
        ClassSpec response = _spec.Response;
        // A file answer streams past the JSON reading that the drift check watches; a whole-body
        // list (a '-' row) is not an object of fields, which is what a shape describes.
        if (_spec.RespondsWithFile || WholeBody.Of(response) is not null || !response.Fields.Any(f => f.Position == FieldPosition.Body))
        {
            return null;
        }

        var order = new List<ClassSpec> { response };
        var indexes = new Dictionary<string, int>(System.StringComparer.Ordinal) { [response.Id] = 0 };
        var classes = new List<ShapeClassModel>();
        for (int i = 0; i < order.Count; i++)
        {
            ClassSpec cls = order[i];
            ShapeFieldModel[] fields = cls.Fields
                .Where(f => f.Position == FieldPosition.Body)
                .Select(f => new ShapeFieldModel(
                    CSharpLiterals.String(f.JsonName),
                    ShapeType(f.Type, order, indexes),
                    f.Mandatory,
                    f.Secret || IsForcedSecret(cls, f) || IsIssuedToken(cls, f),
                    f.Constraints.Values.Select(CSharpLiterals.String).ToImmutableEquatableArray()))
                .ToArray();
            classes.Add(new ShapeClassModel(i == 0 ? "response" : cls.SpecName, fields.ToImmutableEquatableArray()));
        }

        return new AnswerShapeModel(AnswerShapeField, classes.ToImmutableEquatableArray());
    }

    /// <summary>The token interface's answer field that carries the token: a secret, whatever the spec says.</summary>
    private bool IsIssuedToken(ClassSpec cls, FieldSpec field)
        => _isIssuer && cls.Id == ClassIds.Response && field.JsonName == _flow?.TokenField;

    private ShapeTypeModel ShapeType(TypeRef type, List<ClassSpec> order, Dictionary<string, int> indexes)
    {
        switch (type.Kind)
        {
            case SpecTypeKind.List:
                return new ShapeTypeModel(ShapeKind.List, Element: ShapeType(type.Element!, order, indexes));
            case SpecTypeKind.Map:
                return new ShapeTypeModel(ShapeKind.Map, Element: ShapeType(type.Element!, order, indexes));
            case SpecTypeKind.Class:
                if (!_classesById.TryGetValue(type.ClassId!, out ClassSpec? cls))
                {
                    // A type the spec does not define is reported where it is named; nothing to compare with.
                    return new ShapeTypeModel(ShapeKind.Json);
                }

                if (!indexes.TryGetValue(cls.Id, out int index))
                {
                    index = order.Count;
                    indexes.Add(cls.Id, index);
                    order.Add(cls);
                }

                return new ShapeTypeModel(ShapeKind.Class, index);
            case SpecTypeKind.Int32:
                return new ShapeTypeModel(ShapeKind.Integer32);
            case SpecTypeKind.Int64:
                return new ShapeTypeModel(ShapeKind.Integer64);
            case SpecTypeKind.Double:
                return new ShapeTypeModel(ShapeKind.Number);
            case SpecTypeKind.Boolean:
                return new ShapeTypeModel(ShapeKind.Boolean);
            case SpecTypeKind.Json:
                return new ShapeTypeModel(ShapeKind.Json);
            default:
                return new ShapeTypeModel(ShapeKind.Text);
        }
    }
}
