using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Binding;

/// <summary>The clients to emit, one per namespace and service name, and the folders that clashed.</summary>
internal sealed record ServiceCheckResult(ImmutableEquatableArray<ServiceOutput> Services, ImmutableEquatableArray<ServiceConflict> Conflicts, ImmutableEquatableArray<UnknownTokenInterface> UnknownTokenInterfaces, ImmutableEquatableArray<UnknownSessionInterface>? UnknownSessionInterfaces = null);

/// <summary>A folder whose session names a sign-in or sign-out interface the folder does not declare.</summary>
/// <param name="Directory">The folder, whose service.yaml the diagnostic goes on.</param>
/// <param name="SignOut">True for the sign-out interface, false for the sign-in.</param>
/// <param name="Name">The name the session gives.</param>
/// <param name="Hint">A "did you mean" hint among the folder's interfaces, or empty.</param>
internal sealed record UnknownSessionInterface(string Directory, bool SignOut, string Name, string Hint);

/// <summary>A folder whose token flow names an interface the folder does not declare.</summary>
/// <param name="Directory">The folder, whose service.yaml the diagnostic goes on.</param>
/// <param name="Name">The name the flow gives.</param>
/// <param name="Hint">A "did you mean" hint among the folder's interfaces, or empty.</param>
internal sealed record UnknownTokenInterface(string Directory, string Name, string Hint);

/// <summary>A folder whose client another folder already generates, with different contents.</summary>
/// <param name="Directory">The later folder, whose service.yaml the diagnostic goes on.</param>
/// <param name="SourceFile">A spec file of that folder, where the diagnostic goes when it has no service.yaml.</param>
/// <param name="Client">The client's full name.</param>
/// <param name="FirstDirectory">The folder that keeps the client.</param>
internal sealed record ServiceConflict(string Directory, string SourceFile, string Client, string FirstDirectory);

/// <summary>
/// Keeps one client per namespace and service name. Folders that agree on everything share it
/// (their interfaces are methods of one partial class); a folder that would give the same client
/// another envelope or base URL is reported, in path order so the outcome is stable.
/// </summary>
internal static class ServiceCollisions
{
    /// <param name="parts">The parts of the interfaces that are generated.</param>
    /// <param name="declared">Every callable interface's folder and name, generated or not, to tell an unknown token interface from one that clashed.</param>
    public static ServiceCheckResult Check(ImmutableArray<ClientPart> parts, IReadOnlyCollection<(string Directory, string Name)> declared)
    {
        var kept = new Dictionary<string, (ClientPart First, SortedSet<string> MapMethods)>(StringComparer.Ordinal);
        var issuers = new Dictionary<string, TokenIssuerModel>(StringComparer.Ordinal);
        var signIns = new Dictionary<string, SessionSignInModel>(StringComparer.Ordinal);
        var signOuts = new Dictionary<string, SessionSignOutModel>(StringComparer.Ordinal);
        var conflicts = new List<ServiceConflict>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (ClientPart part in parts.OrderBy(p => p.SourceFile, StringComparer.Ordinal))
        {
            string key = part.Service.Namespace + "." + part.Service.ClientClass;
            bool joins = true;
            if (!kept.TryGetValue(key, out var entry))
            {
                kept.Add(key, (part, new SortedSet<string>(StringComparer.Ordinal) { part.MapMethod }));
            }
            else if (entry.First.Service == part.Service with { HintName = entry.First.Service.HintName, FolderName = entry.First.Service.FolderName })
            {
                entry.MapMethods.Add(part.MapMethod);
            }
            else
            {
                joins = false;
                if (reported.Add(part.Directory))
                {
                    conflicts.Add(new ServiceConflict(part.Directory, part.SourceFile, key, entry.First.Directory));
                }
            }

            if (joins && part.Issuer is not null && part.Service.Token?.InterfaceName == part.InterfaceName && !issuers.ContainsKey(key))
            {
                issuers.Add(key, part.Issuer);
            }

            if (joins && part.SignIn is not null && part.Service.Session?.SignInName == part.InterfaceName && !signIns.ContainsKey(key))
            {
                signIns.Add(key, part.SignIn);
            }

            if (joins && part.SignOut is not null && part.Service.Session?.SignOutName == part.InterfaceName && !signOuts.ContainsKey(key))
            {
                signOuts.Add(key, part.SignOut);
            }
        }

        // Two clients whose names differ only in case would get hint names the compiler takes for one.
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var services = new List<ServiceOutput>();
        foreach (var (first, mapMethods) in kept.Values.OrderBy(v => v.First.Service.HintName, StringComparer.Ordinal))
        {
            ServiceModel model = first.Service;
            string stem = model.HintName.Substring(0, model.HintName.Length - ".g.cs".Length);
            for (int number = 2; !hints.Add(model.HintName); number++)
            {
                model = model with { HintName = $"{stem}.{number}.g.cs" };
            }

            string key = first.Service.Namespace + "." + first.Service.ClientClass;
            services.Add(new ServiceOutput(
                model,
                mapMethods.ToImmutableEquatableArray(),
                issuers.TryGetValue(key, out TokenIssuerModel? issuer) ? issuer : null,
                signIns.TryGetValue(key, out SessionSignInModel? signIn) ? signIn : null,
                signOuts.TryGetValue(key, out SessionSignOutModel? signOut) ? signOut : null));
        }

        var unknown = new List<UnknownTokenInterface>();
        var unknownSession = new List<UnknownSessionInterface>();
        foreach (ClientPart part in parts.GroupBy(p => p.Directory, StringComparer.Ordinal).Select(g => g.First()).OrderBy(p => p.Directory, StringComparer.Ordinal))
        {
            if (part.Service.Token is { } token)
            {
                string[] names = declared.Where(d => d.Directory == part.Directory).Select(d => d.Name).ToArray();
                if (Array.IndexOf(names, token.InterfaceName) < 0)
                {
                    unknown.Add(new UnknownTokenInterface(part.Directory, token.InterfaceName, Spec.Suggestions.Hint(token.InterfaceName, names)));
                }
            }

            if (part.Service.Session is { } session)
            {
                string[] names = declared.Where(d => d.Directory == part.Directory).Select(d => d.Name).ToArray();
                if (Array.IndexOf(names, session.SignInName) < 0)
                {
                    unknownSession.Add(new UnknownSessionInterface(part.Directory, false, session.SignInName, Spec.Suggestions.Hint(session.SignInName, names)));
                }

                if (session.SignOutName is { } signOutName && Array.IndexOf(names, signOutName) < 0)
                {
                    unknownSession.Add(new UnknownSessionInterface(part.Directory, true, signOutName, Spec.Suggestions.Hint(signOutName, names)));
                }
            }
        }

        return new ServiceCheckResult(services.ToImmutableEquatableArray(), conflicts.ToImmutableEquatableArray(), unknown.ToImmutableEquatableArray(), unknownSession.ToImmutableEquatableArray());
    }
}
