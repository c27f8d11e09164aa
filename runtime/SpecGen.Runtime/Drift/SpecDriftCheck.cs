using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace SpecGen;

/// <summary>
/// The drift check of one client registration: decides which answers to walk, and reports what
/// the walk finds as a log line, a metric and an entry of the <see cref="SpecDriftReport"/>. It
/// never throws and never changes the answer: the call returns, or throws, as it would without it.
/// </summary>
/// <remarks>
/// Most answers are not walked at all. The client reads every answer anyway, and its reader is
/// strict about types, and Validate() checks mandatory fields and <c>values</c>; so an answer that
/// reads, validates, has a success code and no property the spec lacks has no drift the walk could
/// find. Only the others (a property the reader skipped, a failed read or validation, an error code
/// or status) are walked against the <see cref="SpecAnswerShape"/>, while their bytes are still in
/// hand. That keeps the check's cost on a clean answer to a few field reads.
/// </remarks>
internal sealed class SpecDriftCheck
{
    private readonly SpecDriftReport _report;
    private readonly HashSet<string>? _listedCodes;
    private readonly long _minWalkTicks;
    private readonly ConcurrentDictionary<string, long>? _lastWalk;

    public SpecDriftCheck(SpecDriftReport report, SpecDriftCheckOptions? options)
    {
        _report = report;
        _listedCodes = options is { ListedEnvelopeCodes.Count: > 0 } ? new HashSet<string>(options.ListedEnvelopeCodes, StringComparer.Ordinal) : null;
        if (options is { MinWalkInterval.Ticks: > 0 })
        {
            _minWalkTicks = (long)(options.MinWalkInterval.TotalSeconds * Stopwatch.Frequency);
            _lastWalk = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        }
    }

    public SpecDriftReport Report => _report;

    /// <summary>Walks an answer and reports its drift; any failure of the check itself is swallowed (and logged at Debug).</summary>
    public void Inspect(SpecCall call, string? service, SpecEnvelope? envelope, SpecTokenFlow? flow, int status, ReadOnlySpan<byte> body, ILogger logger)
    {
        try
        {
            if ((call.AnswerShape is null && envelope is null) || !TakeWalk(call.InterfaceName))
            {
                return;
            }

            SpecDriftWalker walk = SpecDriftWalker.Walk(call.AnswerShape, envelope?.CodeField, body);
            bool httpSuccess = status is >= 200 and <= 299;
            bool codeSuccess = envelope is null || !walk.IsObject || envelope.IsSuccess(walk.Code);
            if (httpSuccess && codeSuccess)
            {
                foreach (SpecDriftFinding finding in walk.Findings)
                {
                    Emit(call.InterfaceName, service, finding, logger);
                }
            }

            if (envelope is null || !walk.IsObject || codeSuccess)
            {
                return;
            }

            // An error answer carries the envelope only: its code is all there is to check.
            string codePath = SpecDriftPath.Root + SpecDriftPath.Segment(envelope.CodeField);
            if (walk.Code is { } code)
            {
                if (!IsListed(code, call.AnswerShape, envelope, flow))
                {
                    Emit(call.InterfaceName, service, new SpecDriftFinding(codePath, SpecDriftKind.UnlistedEnvelopeCode, "a code the spec lists", SpecDriftWalker.Quote(code)), logger);
                }
            }
            else if (httpSuccess)
            {
                Emit(call.InterfaceName, service, new SpecDriftFinding(codePath, SpecDriftKind.MissingMandatory, "the envelope code", walk.CodeFound ? "no code in it" : "missing"), logger);
            }
        }
        catch (Exception ex)
        {
            string type = ex.GetType().FullName ?? "Exception";
            SpecLog.DriftCheckFailed(logger, call.InterfaceName, type);
        }
    }

    /// <summary>True when this interface may be walked now, under <see cref="SpecDriftCheckOptions.MinWalkInterval"/>; one caller wins a due walk.</summary>
    private bool TakeWalk(string interfaceName)
    {
        if (_lastWalk is null)
        {
            return true;
        }

        long now = Stopwatch.GetTimestamp();
        if (!_lastWalk.TryGetValue(interfaceName, out long last))
        {
            return _lastWalk.TryAdd(interfaceName, now);
        }

        return now - last >= _minWalkTicks && _lastWalk.TryUpdate(interfaceName, now, last);
    }

    private bool IsListed(string code, SpecAnswerShape? shape, SpecEnvelope envelope, SpecTokenFlow? flow)
    {
        if (envelope.IsSuccess(code) || (flow is not null && flow.IsRejectionCode(code)) || (_listedCodes is not null && _listedCodes.Contains(code)))
        {
            return true;
        }

        string[]? values = shape is null ? null : shape.Classes[0].Find(envelope.CodeField)?.Values;
        return values is not null && Array.IndexOf(values, code) >= 0;
    }

    private void Emit(string interfaceName, string? service, SpecDriftFinding finding, ILogger logger)
    {
        string kind = Tag(finding.Kind);
        SpecTelemetry.RecordDrift(service, interfaceName, kind);
        SpecDriftReport.RecordResult recorded = _report.Record(service, interfaceName, finding);
        string seen = finding.Seen ?? "-";
        if (recorded == SpecDriftReport.RecordResult.New)
        {
            SpecLog.Drift(logger, interfaceName, kind, finding.Path, finding.Expected, seen);
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            // A drifting server drifts on every call: the first of each kind and path is the warning.
            SpecLog.DriftAgain(logger, interfaceName, kind, finding.Path, finding.Expected, seen);
        }
    }

    /// <summary>The value of the metric's <c>specgen.drift.kind</c> tag and of the log's <c>DriftKind</c>.</summary>
    internal static string Tag(SpecDriftKind kind) => kind switch
    {
        SpecDriftKind.UnexpectedProperty => "unexpected_property",
        SpecDriftKind.WrongType => "wrong_type",
        SpecDriftKind.ValueNotAllowed => "value_not_allowed",
        SpecDriftKind.MissingMandatory => "missing_mandatory",
        SpecDriftKind.UnlistedEnvelopeCode => "unlisted_envelope_code",
        _ => "malformed",
    };
}
