using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SpecGen.Generator.Analyzers;

/// <summary>
/// Which members a new object certainly has set, from its initializer and from the plain
/// assignments that follow it in the same block. It answers only where that is certain: when the
/// object is returned, stored, or handed to code the analyzer cannot see before its members are
/// set, it gives up so that ordinary code never gets a false warning. A local handed to a method
/// SpecGen generated (a client's <c>XAsync(request)</c>) is sent as it is: the scan stops there and
/// what was set before counts.
/// </summary>
internal static class CreationSite
{
    /// <summary>
    /// Fills <paramref name="assigned"/> with the members set on the object that <paramref name="creation"/>
    /// makes; false when the analyzer cannot know them.
    /// </summary>
    public static bool TryCollectAssignments(IObjectCreationOperation creation, SpecSymbols symbols, Dictionary<string, AssignedState> assigned)
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
                    && CollectLaterAssignments(declarator.Symbol, declaration, symbols, assigned);

            // request = new Request { ... };
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local, Parent: IExpressionStatementOperation statement } assignment
                when assignment.Value == node:
                return CollectLaterAssignments(local.Local, statement, symbols, assigned);

            // Send(new Request { ... }), new[] { new Item { ... } }, new Order { Buyer = new Customer { ... } }:
            // an initializer there is the object's whole state; without one, the receiver may fill it.
            case IArgumentOperation { Parameter.RefKind: RefKind.None or RefKind.In }:
            case IArrayInitializerOperation:
            case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } }:
                return creation.Initializer is not null;

            // [new Item { ... }, ...]: an item of a collection expression, such as the list of an array body
            // (Items = [new Tag { ... }]), is as complete as an item of an array initializer. The compiler of
            // the oldest SDK SpecGen supports has no operation of its own for the expression, so its syntax says it.
            case not null when creation.Syntax.Parent is { } element
                && element.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ExpressionElement)
                && element.Parent.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CollectionExpression):
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

    private static bool CollectLaterAssignments(ILocalSymbol local, IOperation statement, SpecSymbols symbols, Dictionary<string, AssignedState> assigned)
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
            switch (CollectStatement(local, statements[i], symbols, assigned))
            {
                case StatementUse.GivesUp:
                    return false;

                // Sent: later assignments no longer reach the request that went out, unless a local
                // function declared further down (and perhaps called before the send) sets them.
                case StatementUse.Sends:
                    return !AnyLaterLocalFunctionUses(local, statements, i + 1);
            }
        }

        return true;
    }

    private static bool AnyLaterLocalFunctionUses(ILocalSymbol local, ImmutableArray<IOperation> statements, int start)
    {
        for (int i = start; i < statements.Length; i++)
        {
            if (statements[i] is ILocalFunctionOperation function && UsesLocal(local, function))
            {
                return true;
            }
        }

        return false;
    }

    private static bool UsesLocal(ILocalSymbol local, IOperation operation)
    {
        foreach (IOperation node in operation.Descendants())
        {
            if (node is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    private enum StatementUse
    {
        /// <summary>The statement leaves the local alone, reads it, or sets a member of it.</summary>
        Continues,

        /// <summary>The statement hands the local to a SpecGen-generated method, such as the client's <c>XAsync</c>.</summary>
        Sends,

        /// <summary>The statement uses the local in a way that may set members the analyzer cannot see.</summary>
        GivesUp,
    }

    private static StatementUse CollectStatement(ILocalSymbol local, IOperation statement, SpecSymbols symbols, Dictionary<string, AssignedState> assigned)
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
            return StatementUse.Continues;
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
            return StatementUse.Continues;
        }

        StatementUse use = StatementUse.Continues;
        foreach (ILocalReferenceOperation reference in references)
        {
            if (IsSentToSpecGen(reference, statement, symbols))
            {
                use = StatementUse.Sends;
            }
            else if (!IsPlainRead(reference))
            {
                return StatementUse.GivesUp;
            }
        }

        return use;
    }

    // await client.QueryAsync(request): an argument of a method SpecGen generated, called right there
    // (not from a lambda or local function, which may run after later assignments).
    private static bool IsSentToSpecGen(ILocalReferenceOperation reference, IOperation statement, SpecSymbols symbols)
    {
        IOperation node = reference;
        while (node.Parent is IConversionOperation { IsImplicit: true } conversion)
        {
            node = conversion;
        }

        if (node.Parent is not IArgumentOperation { Parameter.RefKind: RefKind.None or RefKind.In, Parent: IInvocationOperation invocation }
            || !symbols.IsSpecGenMethod(invocation.TargetMethod))
        {
            return false;
        }

        for (IOperation? ancestor = invocation; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (ancestor == statement)
            {
                return true;
            }
        }

        return true;
    }

    // request.Member read as a value (request.Items.Add(x) included), request.Validate(), request.ToString():
    // the object's own members stay as they are.
    private static bool IsPlainRead(ILocalReferenceOperation reference)
    {
        if (reference.Parent is IInvocationOperation { TargetMethod: { IsStatic: false, Parameters.Length: 0, Name: "Validate" or "ToString" } } call
            && call.Instance == reference)
        {
            return true;
        }

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
