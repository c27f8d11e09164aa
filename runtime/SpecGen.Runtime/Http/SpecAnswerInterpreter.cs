using System;
using System.Text.Json;

namespace SpecGen;

/// <summary>
/// Decides what a whole answer means: the response, read and validated, or the typed exception of
/// an envelope error code, an HTTP error status, JSON that does not read, or an answer that breaks
/// its spec.
/// </summary>
internal static class SpecAnswerInterpreter
{
    public static TResponse Interpret<TResponse>(
        string interfaceName,
        SpecEnvelope? envelope,
        int status,
        string? reasonPhrase,
        ReadOnlySpan<byte> body,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode)
    {
        // Some servers start JSON with a UTF-8 byte order mark, which Utf8JsonReader does not skip.
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            body = body.Slice(3);
        }

        bool isHttpSuccess = status is >= 200 and <= 299;

        // One pass for the usual answer: the response's own reader meets the code. An answer of
        // another shape, or a failure code, goes the long way below, which finds its message too.
        if (isHttpSuccess && envelopeCode is not null && envelope is not null
            && TryParse(body, read, out TResponse parsed, out _)
            && envelope.IsSuccess(envelopeCode(parsed)))
        {
            return Validated(interfaceName, status, parsed, validate);
        }

        string? code = null;
        string? message = null;
        bool enveloped = false;
        if (envelope is not null && body.Length > 0)
        {
            try
            {
                enveloped = envelope.TryRead(body, out code, out message);
            }
            catch (JsonException ex) when (isHttpSuccess)
            {
                throw new SpecResponseFormatException(interfaceName, status, ex);
            }
            catch (JsonException)
            {
                // An error page that is not JSON: the HTTP status says all there is.
            }
        }

        // A JSON object is an envelope; anything else is left to the reader, which reports its shape.
        if (enveloped && (code is not null || isHttpSuccess) && !envelope!.IsSuccess(code))
        {
            throw new SpecErrorCodeException(interfaceName, status, code, message);
        }

        if (!isHttpSuccess)
        {
            throw new SpecHttpStatusException(interfaceName, status, reasonPhrase);
        }

        if (!TryParse(body, read, out TResponse result, out JsonException? failure))
        {
            throw new SpecResponseFormatException(interfaceName, status, failure!);
        }

        return Validated(interfaceName, status, result, validate);
    }

    private static bool TryParse<TResponse>(ReadOnlySpan<byte> body, SpecJsonReader<TResponse> read, out TResponse result, out JsonException? failure)
    {
        result = default!;
        failure = null;
        try
        {
            var reader = new Utf8JsonReader(body, SpecJson.ReaderOptions);
            if (!reader.Read())
            {
                throw new SpecJsonException("The answer has no JSON.");
            }

            result = read(ref reader);
            if (reader.Read())
            {
                throw new SpecJsonException("The answer goes on after its JSON value.");
            }

            return true;
        }
        catch (JsonException ex)
        {
            failure = ex;
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader's Get methods throw this for text they cannot decode; SpecJson catches
            // the cases it knows, and this keeps any other one a typed error of the answer.
            failure = new SpecJsonException("The answer cannot be read: " + ex.Message, ex);
        }

        return false;
    }

    private static TResponse Validated<TResponse>(string interfaceName, int status, TResponse result, Func<TResponse, ValidationResult> validate)
    {
        ValidationResult validation = validate(result);
        if (!validation.IsValid)
        {
            throw new SpecResponseValidationException(interfaceName, status, validation);
        }

        return result;
    }
}
