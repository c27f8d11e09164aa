using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>
/// The session of service.yaml as it concerns this interface: as the sign-in interface, its
/// credentials; as the sign-out interface, the fields the credentials fill; as any other, the call
/// that carries the session. Problems are reported where they are written (SPEC0045, SPEC0046).
/// </summary>
internal sealed partial class ModelBinder
{
    private SessionSpec? _session;
    private bool _isSignIn;
    private bool _isSignOut;
    private bool _signInSound;
    private readonly HashSet<string> _sessionCredentialFields = new(StringComparer.Ordinal);

    /// <summary>Finds this interface's role in its service's session, before its classes are bound.</summary>
    private void PrepareSession(ServiceSpec? service)
    {
        _session = service?.Session;
        if (_session is null || !_spec.IsCallable)
        {
            return;
        }

        SessionSpec session = _session;
        _isSignIn = session.SignIn == _spec.Name;
        _isSignOut = session.SignOut == _spec.Name;
        foreach (FieldSpec field in _spec.Request.Fields)
        {
            if (field.Position == FieldPosition.Header && string.Equals(field.JsonName, session.CarryHeader, StringComparison.OrdinalIgnoreCase))
            {
                Report(DiagnosticDescriptors.SessionCarriedAsField, field.Location, _spec.Name, field.JsonName);
            }
        }

        if (_isSignIn)
        {
            _signInSound = CheckSignIn(session);
        }
        else if (_isSignOut)
        {
            CheckSignOut(session);
        }
    }

    private bool CheckSignIn(SessionSpec session)
    {
        bool sound = true;
        var filled = new HashSet<string>(StringComparer.Ordinal);
        foreach (TokenCredentialSpec credential in session.Credentials)
        {
            ClassSpec cls = _spec.Request;
            for (int i = 0; i < credential.Path.Count; i++)
            {
                string segment = credential.Path[i];
                FieldSpec? field = cls.Fields.FirstOrDefault(f => f.JsonName == segment);
                if (field is null)
                {
                    string where = i == 0 ? "request field" : $"field of '{string.Join(".", credential.Path.Take(i))}'";
                    ReportSession("credential", credential.Text, $"is not a {where}{Suggestions.Hint(segment, cls.Fields.Select(f => f.JsonName))}", credential.Location);
                    sound = false;
                    break;
                }

                if (i == 0)
                {
                    filled.Add(segment);
                }

                if (i < credential.Path.Count - 1)
                {
                    if (field.Type.Kind != SpecTypeKind.Class || !_classesById.ContainsKey(field.Type.ClassId!))
                    {
                        ReportSession("credential", credential.Text, $"goes through '{segment}', which has type {field.TypeText}; a path goes through object fields only", credential.Location);
                        sound = false;
                        break;
                    }

                    cls = _classesById[field.Type.ClassId!];
                    continue;
                }

                if (!field.Type.IsScalar || field.Type.IsCollection)
                {
                    ReportSession("credential", credential.Text, $"has type {field.TypeText}; a credential is a String, a number or a Boolean", credential.Location);
                    sound = false;
                    break;
                }

                _sessionCredentialFields.Add(cls.Id + "\n" + field.JsonName);
            }
        }

        // A mandatory field no credential fills would fail the sign-in's own validation on every call.
        foreach (FieldSpec field in _spec.Request.Fields)
        {
            if (field.Mandatory && field.Constraints.Default is null && !filled.Contains(field.JsonName))
            {
                ReportSession("sign-in field", field.JsonName, "is mandatory, but not among the session's 'credentials', so the client could not sign in: list it there", session.SignInLocation);
                sound = false;
            }
        }

        return sound;
    }

    private void CheckSignOut(SessionSpec session)
    {
        var names = new HashSet<string>(session.Credentials.Select(c => c.Path[c.Path.Count - 1]), StringComparer.Ordinal);
        foreach (FieldSpec field in _spec.Request.Fields)
        {
            if (names.Contains(field.JsonName))
            {
                // Filled from a credential on dispose: as secret here as in the sign-in.
                _sessionCredentialFields.Add(_spec.Request.Id + "\n" + field.JsonName);
            }

            if (field.Mandatory && field.Constraints.Default is null && !names.Contains(field.JsonName))
            {
                ReportSession("sign-out field", field.JsonName, "is mandatory, but no credential of the sign-in has its name, so the client could not sign out on dispose: name a credential like it, or drop 'signOut'", session.SignOutLocation!);
            }
        }
    }

    /// <summary>True when the field is a credential of the session's sign-in: a secret, wherever it travels.</summary>
    private bool IsSessionSecret(ClassSpec cls, FieldSpec field) => _sessionCredentialFields.Contains(cls.Id + "\n" + field.JsonName);

    /// <summary>True when this interface's calls carry the session: every interface of the folder but the sign-in.</summary>
    private bool CarriesSession => _session is not null && !_isSignIn;

    private static SessionModel? BindSession(ServiceSpec? service)
    {
        SessionSpec? session = service?.Session;
        return session is null
            ? null
            : new SessionModel(
                session.SignIn,
                CSharpLiterals.String(session.SignIn),
                session.SignOut,
                session.SignOut is null ? "null" : CSharpLiterals.String(session.SignOut),
                session.AnswerInCookie,
                CSharpLiterals.String(session.AnswerName),
                CSharpLiterals.String(session.CarryHeader),
                session.Rotates,
                session.RejectedCodes.Select(CSharpLiterals.String).ToImmutableEquatableArray());
    }

    /// <summary>The sign-in interface's part of the session, once its classes are named; null when it is not the sign-in or the session is broken.</summary>
    private SessionSignInModel? BindSignIn(ServiceModel service, ClientMethodModel call, EnvelopeSpec? envelope)
    {
        if (!_isSignIn || !_signInSound || service.Session is null)
        {
            return null;
        }

        var inits = new List<ObjectInitModel>();
        var credentials = new List<SessionCredentialModel>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        bool sound = true;
        foreach (TokenCredentialSpec credential in _session!.Credentials)
        {
            ClassSpec cls = _spec.Request;
            var path = new List<string>();
            FieldSpec? field = null;
            foreach (string segment in credential.Path)
            {
                field = cls.Fields.First(f => f.JsonName == segment);
                if (!_propertyNames.TryGetValue(cls.Id, out Dictionary<string, string>? names) || !names.TryGetValue(segment, out string? property))
                {
                    // The field clashed and was left out (reported there).
                    return null;
                }

                path.Add(property);
                if (field.Type.Kind == SpecTypeKind.Class)
                {
                    string propertyPath = string.Join(".", path);
                    if (!inits.Any(i => i.PropertyPath == propertyPath) && _classNames[field.Type.ClassId!] is { } className)
                    {
                        inits.Add(new ObjectInitModel(propertyPath, TypeName(className)));
                    }

                    cls = _classesById[field.Type.ClassId!];
                }
            }

            string option = CSharpNames.Bare(path[path.Count - 1]);
            if (Array.IndexOf(OptionMembers, option) >= 0 || option.StartsWith("Session", StringComparison.Ordinal) || option == service.OptionsClass)
            {
                Report(credential.Location, option, $"the option of credential '{credential.Text}'", option == service.OptionsClass ? "the options class" : "a member of SpecClientOptions");
                sound = false;
                continue;
            }

            if (options.TryGetValue(option, out string? other))
            {
                Report(credential.Location, option, $"the option of credential '{credential.Text}'", $"the option of credential '{other}'");
                sound = false;
                continue;
            }

            options.Add(option, credential.Text);
            string description = field!.Description is { Length: > 0 } text ? " " + text : string.Empty;
            credentials.Add(new SessionCredentialModel(
                option,
                OptionType(field.Type),
                credential.Path[credential.Path.Count - 1],
                string.Join(".", path),
                $"The credential '{credential.Text}' that the sign-in interface {_spec.Name} takes.{description} Held as a secret: never logged or printed.",
                credential.Path.Count == 1 ? field.Position.ToString() : "Body",
                CSharpLiterals.String(credential.Text),
                CSharpLiterals.String(option),
                CSharpLiterals.String(", " + option + " = ")));
        }

        if (!sound)
        {
            return null;
        }

        FieldSpec? code = envelope is null ? null : _spec.Response.Fields.FirstOrDefault(f => f.JsonName == envelope.CodeField);
        bool codeAsNumber = code is not null
            ? code.Type.IsNumber
            : envelope is not null && envelope.SuccessValues.Count > 0 && long.TryParse(envelope.SuccessValues[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        return new SessionSignInModel(
            call with { Summary = string.Empty, Remarks = string.Empty },
            CSharpLiterals.String(service.OptionsClass),
            CSharpLiterals.String(service.OptionsClass + " { BaseAddress = "),
            inits.ToImmutableEquatableArray(),
            credentials.ToImmutableEquatableArray(),
            codeAsNumber);
    }

    /// <summary>The sign-out interface's part of the session: its call, and its top-level scalar request fields that a credential of the same name may fill.</summary>
    private SessionSignOutModel? BindSignOut(ClientMethodModel call)
    {
        if (!_isSignOut || !_propertyNames.TryGetValue(ClassIds.Request, out Dictionary<string, string>? names))
        {
            return null;
        }

        var fields = _spec.Request.Fields
            .Where(f => f.Type.IsScalar && !f.Type.IsCollection && names.ContainsKey(f.JsonName))
            .Select(f => new SessionFieldModel(f.JsonName, names[f.JsonName], OptionType(f.Type)))
            .ToImmutableEquatableArray();
        return new SessionSignOutModel(call with { Summary = string.Empty, Remarks = string.Empty }, fields);
    }

    /// <summary>The C# type of an option that fills a field of <paramref name="type"/>, as the request property declares it.</summary>
    private string OptionType(TypeRef type) => type.Kind switch
    {
        SpecTypeKind.Int32 => "int?",
        SpecTypeKind.Int64 => "long?",
        SpecTypeKind.Double => "double?",
        SpecTypeKind.Boolean => "bool?",
        _ => "string" + _options.NullableMark,
    };

    private void ReportSession(string what, string name, string problem, LocationInfo location)
        => Report(DiagnosticDescriptors.SessionFieldProblem, location, what, name, _spec.Name, problem);
}
