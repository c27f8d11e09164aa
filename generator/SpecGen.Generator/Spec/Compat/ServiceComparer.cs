using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>
/// A folder's service.yaml in two versions. Its envelope and token flow shape every call of the
/// folder, so their changes are judged as strictly as a field's; its names only rename generated
/// code, and its <c>baseUrl</c> is documentation (the client's options set the address).
/// </summary>
internal static class ServiceComparer
{
    private static readonly string[] Missing = { "missing" };

    public static void Compare(string folder, ServiceSpec? old, ServiceSpec? @new, List<SpecChange> changes)
    {
        if (old is null && @new is null)
        {
            return;
        }

        string name = @new?.Name ?? old?.Name ?? folder;
        LocationInfo? oldAt = old?.Location;
        LocationInfo? newAt = @new?.Location;
        void Add(string kind, ChangeSeverity severity, string path, string? before, string? after, LocationInfo? oldLocation = null, LocationInfo? newLocation = null, string? hint = null)
            => changes.Add(new SpecChange(kind, severity, ChangeDirection.Service, folder, name, path, before, after, oldLocation ?? oldAt, newLocation ?? newAt, hint));

        if (old?.Name != @new?.Name)
        {
            Add(ChangeKinds.ServiceNameChanged, ChangeSeverity.Warning, "service", old?.Name, @new?.Name, hint: "the wire is the same; the generated client's names follow the service name");
        }

        if (old?.Namespace != @new?.Namespace)
        {
            Add(ChangeKinds.NamespaceChanged, ChangeSeverity.Warning, "namespace", old?.Namespace, @new?.Namespace, hint: "the wire is the same; code must use the new namespace");
        }

        if (old?.BaseUrl != @new?.BaseUrl)
        {
            Add(ChangeKinds.BaseUrlChanged, ChangeSeverity.Warning, "baseUrl", old?.BaseUrl, @new?.BaseUrl, hint: "the documented address changed: check the client's BaseAddress in your configuration");
        }

        CompareEnvelope(old?.Envelope, @new?.Envelope, Add);
        CompareToken(old?.Token, @new?.Token, Add);
    }

    private delegate void Report(string kind, ChangeSeverity severity, string path, string? before, string? after, LocationInfo? oldLocation = null, LocationInfo? newLocation = null, string? hint = null);

    /// <summary>Which answers are a success: every change lets an old client take a failure for a success, or the other way round.</summary>
    private static void CompareEnvelope(EnvelopeSpec? old, EnvelopeSpec? @new, Report add)
    {
        if (old is null && @new is null)
        {
            return;
        }

        if (old is null || @new is null)
        {
            add(old is null ? ChangeKinds.EnvelopeAdded : ChangeKinds.EnvelopeRemoved, ChangeSeverity.Breaking, "envelope", Describe(old), Describe(@new));
            return;
        }

        if (old.CodeField != @new.CodeField)
        {
            add(ChangeKinds.EnvelopeCodeChanged, ChangeSeverity.Breaking, "envelope.code", old.CodeField, @new.CodeField);
        }

        if (!SameSet(old.SuccessValues, @new.SuccessValues) || old.MissingIsSuccess != @new.MissingIsSuccess)
        {
            add(ChangeKinds.EnvelopeSuccessChanged, ChangeSeverity.Breaking, "envelope.success", Success(old), Success(@new));
        }

        if (!SameSet(old.MessageFields, @new.MessageFields))
        {
            // The code still tells success from failure; only the text an exception carries may be lost.
            add(ChangeKinds.EnvelopeMessageChanged, old.MessageFields.All(m => @new.MessageFields.Contains(m)) ? ChangeSeverity.Info : ChangeSeverity.Warning,
                "envelope.message", List(old.MessageFields), List(@new.MessageFields));
        }
    }

    private static void CompareToken(TokenFlowSpec? old, TokenFlowSpec? @new, Report add)
    {
        if (old is null && @new is null)
        {
            return;
        }

        if (old is null || @new is null)
        {
            add(old is null ? ChangeKinds.TokenFlowAdded : ChangeKinds.TokenFlowRemoved, ChangeSeverity.Breaking, "token", old?.Interface, @new?.Interface,
                old?.InterfaceLocation, @new?.InterfaceLocation, "how every call of the folder gets and carries its token changed");
            return;
        }

        if (old.Interface != @new.Interface)
        {
            add(ChangeKinds.TokenFlowChanged, ChangeSeverity.Breaking, "token.interface", old.Interface, @new.Interface, old.InterfaceLocation, @new.InterfaceLocation);
        }

        string oldCredentials = string.Join(", ", old.Credentials.Select(c => c.Text));
        string newCredentials = string.Join(", ", @new.Credentials.Select(c => c.Text));
        if (!SameSet(old.Credentials.Select(c => c.Text), @new.Credentials.Select(c => c.Text)))
        {
            add(ChangeKinds.TokenFlowChanged, ChangeSeverity.Breaking, "token.credentials", oldCredentials, newCredentials, old.InterfaceLocation, @new.InterfaceLocation);
        }

        if (old.TokenField != @new.TokenField)
        {
            add(ChangeKinds.TokenFlowChanged, ChangeSeverity.Breaking, "token.field", old.TokenField, @new.TokenField, old.TokenFieldLocation, @new.TokenFieldLocation);
        }

        if (old.CarryInHeader != @new.CarryInHeader || old.CarryField != @new.CarryField)
        {
            add(ChangeKinds.TokenFlowChanged, ChangeSeverity.Breaking, "token.carry", Carry(old), Carry(@new), old.CarryLocation, @new.CarryLocation);
        }

        if (old.ValidityField != @new.ValidityField || old.Unit != @new.Unit || old.DefaultValidity != @new.DefaultValidity)
        {
            // A token kept too long is refused and renewed; kept too short costs calls. Neither fails a call.
            add(ChangeKinds.TokenValidityChanged, ChangeSeverity.Warning, "token.validity", Validity(old), Validity(@new),
                old.ValidityFieldLocation ?? old.TokenFieldLocation, @new.ValidityFieldLocation ?? @new.TokenFieldLocation);
        }

        if (!SameSet(old.RejectedCodes, @new.RejectedCodes))
        {
            add(ChangeKinds.TokenRejectedCodesChanged, ChangeSeverity.Warning, "token.rejected", List(old.RejectedCodes), List(@new.RejectedCodes), old.InterfaceLocation, @new.InterfaceLocation);
        }
    }

    private static bool SameSet(IEnumerable<string> a, IEnumerable<string> b) => new HashSet<string>(a, StringComparer.Ordinal).SetEquals(b);

    private static string? Describe(EnvelopeSpec? envelope) => envelope is null ? null : $"code: {envelope.CodeField}, success: {Success(envelope)}";

    private static string Success(EnvelopeSpec envelope)
        => List(envelope.SuccessValues.OrderBy(v => v, StringComparer.Ordinal).Concat(envelope.MissingIsSuccess ? Missing : Array.Empty<string>()));

    private static string Carry(TokenFlowSpec token) => (token.CarryInHeader ? "header " : "body ") + token.CarryField;

    private static string Validity(TokenFlowSpec token)
        => $"field: {token.ValidityField ?? "none"}, unit: {token.Unit}, default: {token.DefaultValidity?.ToString(CultureInfo.InvariantCulture) ?? "none"}";

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";
}
