namespace SpecGen.Generator.Spec;

/// <summary>
/// The names of the kinds of change, as <c>specgen diff</c> prints them and an accepted-changes file
/// lists them. One row each in docs/diff.md, with its verdict and why.
/// </summary>
internal static class ChangeKinds
{
    public const string InterfaceAdded = "interface-added";
    public const string InterfaceRemoved = "interface-removed";
    public const string MethodChanged = "method-changed";
    public const string UrlChanged = "url-changed";
    public const string TitleChanged = "title-changed";
    public const string DescriptionChanged = "description-changed";

    public const string FieldAdded = "field-added";
    public const string FieldRemoved = "field-removed";
    public const string FieldMandatory = "field-mandatory";
    public const string FieldOptional = "field-optional";
    public const string TypeChanged = "type-changed";
    public const string TypeNameChanged = "type-name-changed";
    public const string CSharpNameChanged = "csharp-name-changed";
    public const string PositionChanged = "position-changed";
    public const string ValueAdded = "value-added";
    public const string ValueRemoved = "value-removed";
    public const string ValuesRestricted = "values-restricted";
    public const string ValuesUnrestricted = "values-unrestricted";
    public const string MinLengthChanged = "min-length-changed";
    public const string MaxLengthChanged = "max-length-changed";
    public const string MinimumChanged = "minimum-changed";
    public const string MaximumChanged = "maximum-changed";
    public const string MinItemsChanged = "min-items-changed";
    public const string MaxItemsChanged = "max-items-changed";
    public const string FormatChanged = "format-changed";
    public const string PatternChanged = "pattern-changed";
    public const string DefaultChanged = "default-changed";
    public const string SecretChanged = "secret-changed";
    public const string TokenChanged = "token-changed";

    public const string RuleAdded = "rule-added";
    public const string RuleRemoved = "rule-removed";
    public const string RuleChanged = "rule-changed";

    public const string ServiceNameChanged = "service-name-changed";
    public const string NamespaceChanged = "namespace-changed";
    public const string BaseUrlChanged = "base-url-changed";
    public const string EnvelopeAdded = "envelope-added";
    public const string EnvelopeRemoved = "envelope-removed";
    public const string EnvelopeCodeChanged = "envelope-code-changed";
    public const string EnvelopeSuccessChanged = "envelope-success-changed";
    public const string EnvelopeMessageChanged = "envelope-message-changed";
    public const string TokenFlowAdded = "token-flow-added";
    public const string TokenFlowRemoved = "token-flow-removed";
    public const string TokenFlowChanged = "token-flow-changed";
    public const string TokenValidityChanged = "token-validity-changed";
    public const string TokenRejectedCodesChanged = "token-rejected-codes-changed";

    /// <summary>Every kind, in the order of the docs' table.</summary>
    public static readonly string[] All =
    {
        InterfaceAdded, InterfaceRemoved, MethodChanged, UrlChanged, TitleChanged, DescriptionChanged,
        FieldAdded, FieldRemoved, FieldMandatory, FieldOptional, TypeChanged, TypeNameChanged, CSharpNameChanged, PositionChanged,
        ValueAdded, ValueRemoved, ValuesRestricted, ValuesUnrestricted,
        MinLengthChanged, MaxLengthChanged, MinimumChanged, MaximumChanged, MinItemsChanged, MaxItemsChanged,
        FormatChanged, PatternChanged, DefaultChanged, SecretChanged, TokenChanged,
        RuleAdded, RuleRemoved, RuleChanged,
        ServiceNameChanged, NamespaceChanged, BaseUrlChanged,
        EnvelopeAdded, EnvelopeRemoved, EnvelopeCodeChanged, EnvelopeSuccessChanged, EnvelopeMessageChanged,
        TokenFlowAdded, TokenFlowRemoved, TokenFlowChanged, TokenValidityChanged, TokenRejectedCodesChanged,
    };
}
