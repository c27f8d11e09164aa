using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SpecGen.Generator.Analyzers;

/// <summary>
/// Which members a new object certainly has set, from its initializer and from the plain
/// assignments that follow it in the same block. It answers only where that is certain: when the
/// object is returned, stored, or handed to code the analyzer cannot see before its members are
/// set, it gives up so that ordinary code never gets a false warning.
/// </summary>
internal static class CreationSite
{
    /// <summary>
    /// Fills <paramref name="assigned"/> with the members set on the object that <paramref name="creation"/>
    /// makes; false when the analyzer cannot know them.
    /// </summary>
    public static bool TryCollectAssignments(IObjectCreationOperation creation, Dictionary<string, AssignedState> assigned)
    {
        if (creation.Initializer is { } initializer)
        {
            CollectInitializer(initializer, assigned);
        }

        IOperation node = creation;
        IOperation? parent = creation.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            node = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            // var request = new Request { ... };
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return declarator.Parent?.Parent is IVariableDeclarationGroupOperation declaration
                    && CollectLaterAssignments(declarator.Symbol, declaration, assigned);

            // request = new Request { ... };
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local, Parent: IExpressionStatementOperation statement } assignment
                when assignment.Value == node:
                return CollectLaterAssignments(local.Local, statement, assigned);

            // Send(new Request { ... }), new[] { new Item { ... } }, new Order { Buyer = new Customer { ... } }:
            // an initializer there is the object's whole state; without one, the receiver may fill it.
            case IArgumentOperation { Parameter.RefKind: RefKind.None or RefKind.In }:
            case IArrayInitializerOperation:
            case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } }:
                return creation.Initializer is not null;

            // Returned, stored in a field, or anything else: the object escapes before the analyzer sees it complete.
            default:
                return false;
        }
    }

    private static void CollectInitializer(IObjectOrCollectionInitializerOperation initializer, Dictionary<string, AssignedState> assigned)
    {
        foreach (IOperation item in initializer.Initializers)
        {
            switch (item)
            {
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment:
                    assigned[target.Member.Name] = AssignedValue.Classify(assignment.Value);
                    break;

                // Address = { Street = "..." } fills an object the member already holds.
                case IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation target }:
                    assigned[target.Member.Name] = AssignedState.Unknown;
                    break;
            }
        }
    }

    private static bool CollectLaterAssignments(ILocalSymbol local, IOperation statement, Dictionary<string, AssignedState> assigned)
    {
        ImmutableArray<IOperation> statements = statement.Parent switch
        {
            IBlockOperation block => block.Operations,
            ISwitchCaseOperation section => section.Body,
            _ => default,
        };
        if (statements.IsDefault)
        {
            return false;
        }

        int index = statements.IndexOf(statement);
        if (index < 0)
        {
            return false;
        }

        for (int i = index + 1; i < statements.Length; i++)
        {
            if (!CollectStatement(local, statements[i], assigned))
            {
                return false;
            }
        }

        return true;
    }

    // False when the statement uses the local in a way that may set members the analyzer cannot see.
    private static bool CollectStatement(ILocalSymbol local, IOperation statement, Dictionary<string, AssignedState> assigned)
    {
        List<ILocalReferenceOperation>? references = null;
        foreach (IOperation operation in statement.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                (references ??= new List<ILocalReferenceOperation>()).Add(reference);
            }
        }

        if (references is null)
        {
            return true;
        }

        // request.Member = value;  (the value itself must not use the object)
        if (references.Count == 1
            && statement is IExpressionStatementOperation { Operation: IAssignmentOperation assignment }
            && assignment.Target is IPropertyReferenceOperation or IFieldReferenceOperation
            && assignment.Target is IMemberReferenceOperation { Instance: ILocalReferenceOperation target } member
            && target == references[0])
        {
            assigned[member.Member.Name] = assignment is ISimpleAssignmentOperation simple
                ? AssignedValue.Classify(simple.Value)
                : AssignedState.Unknown;
            return true;
        }

        foreach (ILocalReferenceOperation reference in references)
        {
            if (!IsPlainRead(reference))
            {
                return false;
            }
        }

        return true;
    }

    // request.Member read as a value (request.Items.Add(x) included): the object's own members stay as they are.
    private static bool IsPlainRead(ILocalReferenceOperation reference)
    {
        if (reference.Parent is not (IPropertyReferenceOperation or IFieldReferenceOperation) || reference.Parent is not IMemberReferenceOperation member || member.Instance != reference)
        {
            return false;
        }

        return member.Parent switch
        {
            IAssignmentOperation assignment when assignment.Target == member => false,
            IIncrementOrDecrementOperation => false,
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => false,
            _ => true,
        };
    }
}
