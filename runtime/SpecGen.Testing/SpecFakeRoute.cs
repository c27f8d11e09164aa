namespace SpecGen.Testing;

/// <summary>One interface the fake server serves; generated code creates these from the spec.</summary>
public sealed class SpecFakeRoute
{
    /// <summary>Creates a route.</summary>
    /// <param name="interfaceName">The interface, as the spec names it.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="urlTemplate">The spec's URL, such as <c>/shop/{shopId}/orders</c>.</param>
    /// <param name="validate">Reads a received request into the generated request type and validates it.</param>
    /// <param name="exampleResponse">The spec's example response, the default answer.</param>
    public SpecFakeRoute(string interfaceName, string method, string urlTemplate, Func<SpecFakeRequest, ValidationResult> validate, string? exampleResponse)
        : this(interfaceName, method, urlTemplate, validate, exampleResponse, carriesToken: false)
    {
    }

    /// <summary>Creates a route whose requests may carry the token of the service's token flow.</summary>
    /// <param name="interfaceName">The interface, as the spec names it.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="urlTemplate">The spec's URL, such as <c>/shop/{shopId}/orders</c>.</param>
    /// <param name="validate">Reads a received request into the generated request type and validates it.</param>
    /// <param name="exampleResponse">The spec's example response, the default answer.</param>
    /// <param name="carriesToken">True when the request carries the token, which <see cref="SpecFakeServer.Tokens"/> then checks.</param>
    public SpecFakeRoute(string interfaceName, string method, string urlTemplate, Func<SpecFakeRequest, ValidationResult> validate, string? exampleResponse, bool carriesToken)
    {
        CarriesToken = carriesToken;
        InterfaceName = interfaceName;
        Method = method;
        UrlTemplate = urlTemplate;
        Validate = validate;
        ExampleResponse = exampleResponse is null ? null : StrictJson(exampleResponse);
        Segments = urlTemplate.Split('?')[0].Trim('/').Split('/');
    }

    /// <summary>The interface, as the spec names it.</summary>
    public string InterfaceName { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The spec's URL.</summary>
    public string UrlTemplate { get; }

    /// <summary>Reads and validates a received request.</summary>
    public Func<SpecFakeRequest, ValidationResult> Validate { get; }

    /// <summary>The spec's example response, as strict JSON: the page's <c>//</c> comments, which a spec may keep, are left out.</summary>
    public string? ExampleResponse { get; }

    /// <summary>True when the request carries the token of the service's token flow.</summary>
    public bool CarriesToken { get; }

    /// <summary>
    /// True when the request carries the token of another service's flow that this service's flow
    /// needs (<c>token.needs</c>), which <see cref="SpecFakeServer.NeededTokens"/> then checks.
    /// </summary>
    public bool CarriesNeededToken { get; init; }

    /// <summary>
    /// A valid answer the generator made from the response table (mandatory fields, allowed values,
    /// formats, ranges, arrays, nested objects, the envelope's success code): what the fake answers
    /// when the spec has no example and the test set up no answer. Null for a hand-made route.
    /// </summary>
    public string? SampleResponse { get; private set; }

    /// <summary>Reads an answer with the generated reader and validates it with the generated <c>Validate()</c>: the client's own response checks.</summary>
    public Func<byte[], ValidationResult>? CheckAnswer { get; private set; }

    /// <summary>Sets <see cref="SampleResponse"/> and <see cref="CheckAnswer"/>; generated <c>Map</c> methods call it.</summary>
    public SpecFakeRoute WithSample(string sampleResponse, Func<byte[], ValidationResult>? checkAnswer)
    {
        SampleResponse = sampleResponse ?? throw new ArgumentNullException(nameof(sampleResponse));
        CheckAnswer = checkAnswer;
        return this;
    }

    /// <summary>True when a successful answer is a file (<c>responseBody: file</c>): the fake then answers a small sample file unless a test sets up an answer.</summary>
    public bool AnswersFile { get; private set; }

    /// <summary>The headers every answer of this route carries, for the response's Header fields.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AnswerHeaders => _answerHeaders;

    /// <summary>Sets <see cref="AnswersFile"/>; generated <c>Map</c> methods call it.</summary>
    public SpecFakeRoute AnswersWithFile()
    {
        AnswersFile = true;
        return this;
    }

    /// <summary>Adds a header to <see cref="AnswerHeaders"/>; generated <c>Map</c> methods call it for each Header field of the response.</summary>
    public SpecFakeRoute WithAnswerHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _answerHeaders.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    private readonly List<KeyValuePair<string, string>> _answerHeaders = [];

    /// <summary>
    /// The shape of the answer the generator made from the response table (which fields, and what each
    /// allows), from which <see cref="GeneratedAnswer"/> draws seeded answers. Null for a hand-made route.
    /// </summary>
    public string? AnswerShape { get; private set; }

    /// <summary>Sets <see cref="AnswerShape"/>; generated <c>Map</c> methods call it.</summary>
    public SpecFakeRoute WithShape(string answerShape)
    {
        AnswerShape = answerShape ?? throw new ArgumentNullException(nameof(answerShape));
        return this;
    }

    /// <summary>
    /// A valid answer drawn from <see cref="AnswerShape"/> with <paramref name="seed"/>: the same seed gives the
    /// same text, another seed other values (allowed values, instants in the field's format, numbers in range,
    /// texts within their lengths, item counts), and every one passes <see cref="CheckAnswer"/>.
    /// Null when the route has no shape.
    /// </summary>
    public string? GeneratedAnswer(int seed) => AnswerShape is { } shape ? SpecAnswerSampler.Sample(shape, seed, InterfaceName) : null;

    internal string[] Segments { get; }

    /// <summary>Matches a path against the template; fills the placeholder values.</summary>
    internal bool TryMatch(string method, string[] segments, Dictionary<string, string> values)
    {
        if (!string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) || segments.Length != Segments.Length)
        {
            return false;
        }

        for (int i = 0; i < segments.Length; i++)
        {
            string template = Segments[i];
            if (template.Length > 2 && template[0] == '{' && template[^1] == '}')
            {
                values[template[1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (!string.Equals(template, segments[i], StringComparison.Ordinal))
            {
                values.Clear();
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The example without comments or trailing commas, its values as written: a client that reads strict
    /// JSON (System.Text.Json's defaults, Kiota's, a browser's) must be able to read what the fake answers.
    /// </summary>
    private static string StrictJson(string example)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(example, new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            using var buffer = new System.IO.MemoryStream();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.WriteTo(writer);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (System.Text.Json.JsonException)
        {
            // The build checks examples, so this is a spec with errors: answer with what it says.
            return example;
        }
    }
}
