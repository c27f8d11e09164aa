using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;

namespace SpecGen;

/// <summary>
/// What the spec says an interface's answer looks like, for the drift check (see
/// <see cref="SpecDriftReport"/>): the response table and every table it holds, each a list of
/// fields. Generated clients hand one to each <see cref="SpecCall"/>; it is built the first time a
/// drift check needs it, so a client without the check pays for one delegate per interface.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecAnswerShape
{
    private Func<SpecShapeField[][]>? _describe;
    private SpecShapeClass[]? _classes;

    /// <summary>Creates the shape.</summary>
    /// <param name="describe">Returns the classes: the response first (index 0), then the classes that <see cref="SpecShapeType.Class(int)"/> refers to by index.</param>
    public SpecAnswerShape(Func<SpecShapeField[][]> describe)
    {
        _describe = describe ?? throw new ArgumentNullException(nameof(describe));
    }

    /// <summary>The classes, built on first use.</summary>
    internal SpecShapeClass[] Classes
    {
        get
        {
            SpecShapeClass[]? classes = Volatile.Read(ref _classes);
            if (classes is not null)
            {
                return classes;
            }

            // Two threads may both build it; either result is the same, and one wins.
            SpecShapeField[][] described = (_describe ?? throw new InvalidOperationException("The shape has no description.")).Invoke();
            classes = new SpecShapeClass[described.Length];
            for (int i = 0; i < described.Length; i++)
            {
                classes[i] = new SpecShapeClass(described[i] ?? Array.Empty<SpecShapeField>());
            }

            CheckIndexes(classes);
            return Interlocked.CompareExchange(ref _classes, classes, null) ?? classes;
        }
    }

    private static void CheckIndexes(SpecShapeClass[] classes)
    {
        foreach (SpecShapeClass cls in classes)
        {
            foreach (SpecShapeField described in cls.Fields)
            {
                CheckIndexes(described.Type, classes.Length);
            }
        }
    }

    private static void CheckIndexes(SpecShapeType type, int count)
    {
        if (type.Kind == SpecShapeKind.Class && type.ClassIndex >= count)
        {
            throw new InvalidOperationException($"The shape refers to class {type.ClassIndex} of {count}.");
        }

        if (type.Element is not null)
        {
            CheckIndexes(type.Element, count);
        }
    }
}

/// <summary>One class of a <see cref="SpecAnswerShape"/>, ready to match the names a reader meets.</summary>
internal sealed class SpecShapeClass
{
    public SpecShapeClass(SpecShapeField[] fields)
    {
        Fields = fields;
        string[] names = new string[fields.Length];
        var mandatory = new List<int>();
        for (int i = 0; i < fields.Length; i++)
        {
            names[i] = fields[i].JsonName;
            if (fields[i].Mandatory)
            {
                mandatory.Add(i);
            }
        }

        Names = new SpecJsonProperties(names);
        Mandatory = mandatory.ToArray();
    }

    public SpecShapeField[] Fields { get; }

    public SpecJsonProperties Names { get; }

    /// <summary>The indexes of the mandatory fields.</summary>
    public int[] Mandatory { get; }

    public SpecShapeField? Find(string jsonName)
    {
        foreach (SpecShapeField field in Fields)
        {
            if (field.JsonName == jsonName)
            {
                return field;
            }
        }

        return null;
    }
}
