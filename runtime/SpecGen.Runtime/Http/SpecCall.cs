using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SpecGen;

/// <summary>
/// One HTTP call that a generated client method describes: the URL template with its Path
/// values, Query values, headers and JSON body. It also knows which values are secret, so the
/// URL it logs masks them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecCall
{
    // Most calls have no path, query or header parameter: the lists come with the first one.
    private static readonly ConcurrentDictionary<string, Uri> PlainUrls = new(StringComparer.Ordinal);
    private List<(string Name, string Value, bool Secret)>? _path;
    private List<(string Name, string Value, bool Secret)>? _query;
    private List<(string Name, string Value, bool Secret)>? _headers;
    private SpecJsonBody? _body;
    private List<(string Name, string? Text, SpecFile? File)>? _form;

    /// <summary>Creates a call.</summary>
    /// <param name="interfaceName">The interface, for messages and logs.</param>
    /// <param name="method">The HTTP method, such as <c>POST</c>.</param>
    /// <param name="urlTemplate">The spec's URL, such as <c>/shop/{shopId}/orders</c>.</param>
    public SpecCall(string interfaceName, string method, string urlTemplate)
    {
        InterfaceName = interfaceName;
        Method = method;
        UrlTemplate = urlTemplate;
    }

    /// <summary>The interface, for messages and logs.</summary>
    public string InterfaceName { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The spec's URL.</summary>
    public string UrlTemplate { get; }

    /// <summary>Fills <c>{name}</c> in the URL; the value is escaped.</summary>
    public void AddPath(string name, object? value, bool secret = false)
        => (_path ??= new()).Add((name, Format(value) ?? string.Empty, secret));

    /// <summary>Adds a query parameter unless <paramref name="value"/> is null; a list adds one per item.</summary>
    public void AddQuery(string name, object? value, bool secret = false)
    {
        if (value is IEnumerable items and not string)
        {
            foreach (object? item in items)
            {
                AddQuery(name, item, secret);
            }

            return;
        }

        string? text = Format(value);
        if (text is not null)
        {
            (_query ??= new()).Add((name, text, secret));
        }
    }

    /// <summary>Adds a header, named exactly as the spec writes it, unless <paramref name="value"/> is null or empty.</summary>
    public void AddHeader(string name, object? value) => AddHeader(name, value, secret: false);

    /// <summary>Adds a header as <see cref="AddHeader(string, object?)"/> does; a secret one's value never shows in the client's HTTP logs.</summary>
    public void AddHeader(string name, object? value, bool secret)
    {
        string? text = Format(value);
        if (!string.IsNullOrEmpty(text))
        {
            (_headers ??= new()).Add((name, text!, secret));
        }
    }

    /// <summary>
    /// What the spec says the answer looks like, for the drift check of a client registered with
    /// <c>AddSpecDriftCheck()</c>; null when the spec has no response table. The client sets it.
    /// </summary>
    public SpecAnswerShape? AnswerShape { get; set; }

    /// <summary>The drift check that this call's answer goes through, set by <see cref="SpecDriftHandler"/> as the request passes it.</summary>
    internal SpecDriftCheck? DriftCheck { get; set; }

    /// <summary>Writes the JSON body.</summary>
    public void SetJsonBody(Action<Utf8JsonWriter> write)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        _body?.Dispose();
        _body = SpecJsonBody.Write(write);
    }

    /// <summary>
    /// Adds a text part to a <c>multipart/form-data</c> body unless <paramref name="value"/> is null;
    /// a call with a form part sends the form instead of a JSON body.
    /// </summary>
    public void AddFormField(string name, object? value)
    {
        string? text = Format(value);
        if (text is not null)
        {
            (_form ??= new()).Add((name, text, null));
        }
    }

    /// <summary>Adds a file part to a <c>multipart/form-data</c> body unless <paramref name="file"/> is null; its stream is read while the call is sent, never disposed.</summary>
    public void AddFormFile(string name, SpecFile? file)
    {
        if (file is not null)
        {
            (_form ??= new()).Add((name, null, file));
        }
    }

    /// <summary>The relative URL, with secret values shown as <see cref="SpecText.Mask"/>: safe to log.</summary>
    public string LogUrl => BuildUrl(maskSecrets: true);

    /// <summary>Builds the request message. The JSON body moves into it (pooled memory, given back when the message is disposed), so a second message has none.</summary>
    public HttpRequestMessage ToRequestMessage()
    {
        var message = new HttpRequestMessage(HttpMethodOf(Method), RequestUri());
        if (_headers is not null)
        {
            foreach ((string name, string value, _) in _headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (_form is not null)
        {
            message.Content = SpecFormBody.Create(_form);
        }
        else if (_body is not null)
        {
            // The content owns the pooled body from here, and clears and returns it when the message is disposed.
            message.Content = _body;
            _body = null;
        }

        return message;
    }

    /// <summary>The Path values, for the last check of the request URI.</summary>
    internal List<(string Name, string Value, bool Secret)>? PathValues => _path;

    /// <summary>The headers, for the last check of their values and for the HTTP logs.</summary>
    internal List<(string Name, string Value, bool Secret)>? Headers => _headers;

    /// <summary>Sees the answer's headers as soon as they arrive, before its body is read: a session reads its newer value there.</summary>
    internal Action<HttpResponseMessage>? AnswerHeaders { get; set; }

    private Uri RequestUri()
        => _path is null && _query is null
            ? PlainUrls.GetOrAdd(UrlTemplate, static template => new Uri(template.TrimStart('/'), UriKind.Relative))
            : new Uri(BuildUrl(maskSecrets: false), UriKind.Relative);

    private static HttpMethod HttpMethodOf(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "DELETE" => HttpMethod.Delete,
        _ => new HttpMethod(method),
    };

    private string BuildUrl(bool maskSecrets)
    {
        // Spec URLs start with '/', but the client's base address may carry a path of its own.
        var url = new StringBuilder(UrlTemplate.TrimStart('/'));
        foreach ((string name, string value, bool secret) in _path ?? Empty)
        {
            url.Replace("{" + name + "}", maskSecrets && secret ? SpecText.Mask : Uri.EscapeDataString(value));
        }

        char separator = UrlTemplate.IndexOf('?') >= 0 ? '&' : '?';
        foreach ((string name, string value, bool secret) in _query ?? Empty)
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=')
                .Append(maskSecrets && secret ? SpecText.Mask : Uri.EscapeDataString(value));
            separator = '&';
        }

        return url.ToString();
    }

    private static readonly List<(string Name, string Value, bool Secret)> Empty = new();

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
