using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>
/// The <c>session:</c> section of service.yaml (C4/C5 of the CEC): which interface of the folder signs
/// in and which of its request fields take credentials, where its answer carries the session (a
/// header, or a <c>Set-Cookie</c> cookie), the header every other call carries it in, whether any
/// later answer may replace it, and the interface that signs out. Names as written, each with its
/// place for diagnostics; whether they name real interfaces and fields is checked when binding.
/// </summary>
/// <param name="SignIn">The <c>interface:</c> name of the sign-in interface.</param>
/// <param name="Credentials">Request fields of the sign-in interface that the client's options fill.</param>
/// <param name="AnswerInCookie">True when the answer carries the session in a cookie, false in a header.</param>
/// <param name="AnswerName">The answer's header or cookie.</param>
/// <param name="CarryHeader">The request header that carries the session on every other call.</param>
/// <param name="Rotates">True when a newer value in any answer replaces the session (dynamic authentication).</param>
/// <param name="SignOut">The <c>interface:</c> name of the sign-out interface, if the spec names one.</param>
/// <param name="RejectedCodes">Envelope codes by which the server says that the session is not valid (HTTP 401 always is).</param>
internal sealed record SessionSpec(
    string SignIn,
    LocationInfo SignInLocation,
    ImmutableEquatableArray<TokenCredentialSpec> Credentials,
    bool AnswerInCookie,
    string AnswerName,
    LocationInfo AnswerLocation,
    string CarryHeader,
    LocationInfo CarryLocation,
    bool Rotates,
    string? SignOut,
    LocationInfo? SignOutLocation,
    ImmutableEquatableArray<string> RejectedCodes);
