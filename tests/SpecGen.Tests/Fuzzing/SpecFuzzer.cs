using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecGen.Tests.Fuzzing;

/// <summary>One spec file of a case, relative to the spec root; <paramref name="Root"/> is its tree when the fuzzer built it.</summary>
internal sealed record FuzzFile(string Path, string Yaml, YNode? Root)
{
    public static FuzzFile Of(string path, YNode root) => new(path, FuzzYaml.Write(root), root);
}

/// <summary>
/// One fuzz case: a spec folder under <c>case{Seed}/</c> and how it is built. <see cref="Solo"/>
/// cases change what all folders of a compilation share (MSBuild properties, a namespace
/// without the case's own prefix), so they never share a compilation with other cases.
/// <see cref="Docs"/> compiles as <c>GenerateDocumentationFile</c> does, where a broken doc
/// comment is a warning.
/// </summary>
internal sealed record FuzzCase(
    int Seed,
    ImmutableArray<FuzzFile> Files,
    ImmutableSortedDictionary<string, string> Properties,
    LanguageVersion Version,
    bool WithTesting,
    bool Docs,
    bool Solo,
    double Nastiness)
{
    public string Describe()
    {
        var parts = new List<string>
        {
            Version == LanguageVersion.CSharp7_3 ? "C# 7.3" : "C# latest",
            WithTesting ? "SpecGen.Testing referenced" : "no SpecGen.Testing",
            Docs ? "doc comments checked" : "doc comments parsed",
            "nastiness " + Nastiness.ToString(CultureInfo.InvariantCulture),
        };
        parts.AddRange(Properties.Select(p => $"{p.Key}={FuzzRunner.Visible(p.Value)}"));
        return string.Join(", ", parts);
    }
}

/// <summary>
/// Builds a spec folder from a seed by choosing, field by field, among the names, types, values,
/// texts and shapes of <see cref="FuzzPools"/>: some cases get one odd choice, others many, so
/// single mutations and their combinations both appear. The same seed always gives the same case.
/// </summary>
internal sealed class SpecFuzzer
{
    private readonly Random _random;
    private readonly int _seed;

    // The share of decisions that go for something invalid rather than merely odd; fixed per case.
    private readonly double _nasty;
    private readonly string _serviceName;
    private bool _solo;

    // Per interface: what the names and examples can refer to.
    private string _interfaceName = "op";
    private readonly List<string> _typeKeys = [];
    private readonly Dictionary<string, List<FieldDraft>> _typeFields = new(StringComparer.Ordinal);

    private SpecFuzzer(int seed)
    {
        _seed = seed;
        _random = new Random(seed);
        _nasty = Pick(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.05, 0.15, 0.3, 0.5);
        _serviceName = Chance(0.35) ? Pick(FuzzPools.ServiceNames) : "svc" + Pick("Alpha", "Beta", "Core", "Api");
    }

    public static FuzzCase Generate(int seed) => new SpecFuzzer(seed).Build();

    private FuzzCase Build()
    {
        var properties = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        string folder = "case" + Text(_seed);
        bool writeService = true;
        bool serviceNamespace = true;
        string ns = "F" + Text(_seed);

        // A few cases change what every folder shares; they run alone.
        switch (Chance(0.07) ? _random.Next(4) : -1)
        {
            case 0:
                properties["SpecGenNamespace"] = Pick(FuzzPools.WholeNamespaces);
                _solo = true;
                break;
            case 1:
                properties["RootNamespace"] = Pick(FuzzPools.WholeNamespaces);
                serviceNamespace = false;
                _solo = true;
                break;
            case 2:
                writeService = Chance(0.5);
                serviceNamespace = false;
                folder += "/" + Pick(FuzzPools.FolderNames);
                if (Chance(0.5))
                {
                    properties["RootNamespace"] = "R" + Text(_seed);
                }

                _solo = true;
                break;
            case 3:
                ns = Pick(FuzzPools.WholeNamespaces);
                _solo = true;
                break;
            default:
                if (Chance(0.2))
                {
                    ns += "." + Pick(FuzzPools.Namespaces);
                }

                if (Chance(_nasty * 0.2))
                {
                    // An invalid namespace falls back to a shared one, so it cannot share a compilation either.
                    ns += "." + Pick(FuzzPools.InvalidNamespaceParts);
                    _solo = true;
                }

                break;
        }

        // Now and then two folders share the namespace, so that clashes across folders appear too.
        string[] folders = Chance(0.06) && writeService ? [folder + "/a", folder + "/b"] : [folder];
        var files = new List<FuzzFile>();
        var interfaceNames = new List<string>();
        foreach (string specFolder in folders)
        {
            int interfaces = Pick(1, 1, 1, 1, 1, 1, 2, 2, 2, 3);
            var responseFields = new List<string>();
            int first = files.Count;
            for (int i = 0; i < interfaces; i++)
            {
                string fileName = Chance(0.01) ? Pick("op\u2028x", "op\rx", "op\nx", "op*/", "op#if", "op\u0085x") : "op" + Text(i);
                string extension = Chance(0.1) ? ".yml" : ".yaml";
                files.Add(FuzzFile.Of($"{specFolder}/{fileName}{extension}", Interface(interfaceNames, responseFields)));
            }

            if (writeService)
            {
                files.Insert(first, FuzzFile.Of(specFolder + "/service.yaml", Service(serviceNamespace ? ns : null, responseFields)));
            }
        }

        LanguageVersion version = Chance(0.15) ? LanguageVersion.CSharp7_3 : LanguageVersion.Latest;
        bool withTesting = Chance(0.25);
        bool docs = Chance(0.25);

        // Text the tree cannot hold: raw line separators and alias bombs, in a few files.
        for (int i = 0; i < files.Count; i++)
        {
            if (Chance(0.03))
            {
                files[i] = Chance(0.5) ? WithHiddenLineBreak(files[i]) : WithAliasBombs(files[i]);
            }
        }

        return new FuzzCase(
            _seed,
            [.. files],
            properties.ToImmutable(),
            version,
            withTesting,
            docs,
            _solo,
            _nasty);
    }

    /// <summary>A raw U+0085, U+2028 or U+2029 somewhere in the file: YAML sees a line break where git shows none.</summary>
    private FuzzFile WithHiddenLineBreak(FuzzFile file)
    {
        int at = _random.Next(file.Yaml.Length + 1);
        return file with { Yaml = file.Yaml.Insert(at, Pick("\u0085", "\u2028", "\u2029")), Root = null };
    }

    /// <summary>One to three alias bombs of 10 to 20 levels, each on a line of its own between entries of the file.</summary>
    private FuzzFile WithAliasBombs(FuzzFile file)
    {
        var lines = file.Yaml.Split('\n').ToList();
        int bombs = _random.Next(1, 4);
        for (int b = 0; b < bombs; b++)
        {
            int at = _random.Next(lines.Count);
            string next = lines[at];
            string indent = next[..(next.Length - next.TrimStart(' ').Length)];
            string bomb = FuzzYaml.AliasBomb("b" + Text(b) + "l", _random.Next(10, 21));
            lines.Insert(at, next.TrimStart(' ').StartsWith("- ", StringComparison.Ordinal) ? indent + "- " + bomb : indent + "bomb" + Text(b) + ": " + bomb);
        }

        return file with { Yaml = string.Join('\n', lines), Root = null };
    }

    private YMap Service(string? ns, List<string> responseFields)
    {
        var entries = new List<(string, YNode)>();
        if (!Chance(_nasty * 0.1))
        {
            entries.Add(("service", S(_serviceName)));
        }

        if (ns is not null)
        {
            entries.Add(("namespace", S(ns)));
        }

        if (Chance(0.2))
        {
            entries.Add(("baseUrl", S(Chance(0.5) ? "https://{host}:{port}" : Pick(FuzzPools.NastyTexts))));
        }

        if (Chance(0.4))
        {
            entries.Add(("envelope", Envelope(responseFields)));
        }

        if (Chance(_nasty * 0.1))
        {
            entries.Add((Pick("services", "Namespace", "base_url", "envelop"), S("x")));
        }

        return Map(entries);
    }

    private YMap Envelope(List<string> responseFields)
    {
        string FieldName() => responseFields.Count > 0 && !Chance(0.2 + _nasty) ? Pick(responseFields.ToArray()) : Chance(_nasty) ? Pick("missing", string.Empty, "a\"b") : Pick("errorCode", "retCode");
        var entries = new List<(string, YNode)>();
        if (!Chance(_nasty * 0.2))
        {
            entries.Add(("code", S(FieldName())));
        }

        if (Chance(0.7))
        {
            entries.Add(("message", S(FieldName())));
        }

        switch (_random.Next(8))
        {
            case 0:
                break;
            case 1:
                entries.Add(("success", S("0", YStyle.Plain)));
                break;
            case 2:
                entries.Add(("success", Seq(["0", "0200000", "missing"])));
                break;
            case 3:
                entries.Add(("success", Seq(["missing"])));
                break;
            case 4:
                entries.Add(("success", new YSeq([], Flow: true)));
                break;
            case 5:
                entries.Add(("success", Seq([.. Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(FuzzPools.StringValues))])));
                break;
            default:
                entries.Add(("success", S("\"0\"")));
                break;
        }

        return Map(entries);
    }

    private YMap Interface(List<string> interfaceNames, List<string> responseFields)
    {
        _typeKeys.Clear();
        _typeFields.Clear();
        _interfaceName = InterfaceName(interfaceNames);
        interfaceNames.Add(_interfaceName);

        // Type names first: fields of every table may refer to them.
        int typeCount = Chance(0.45) ? 1 + _random.Next(3) : 0;
        for (int t = 0; t < typeCount; t++)
        {
            string key = TypeKey();
            for (int attempt = 0; attempt < 8 && _nasty == 0 && _typeKeys.Any(k => PascalGuess(k) == PascalGuess(key)); attempt++)
            {
                key = TypeKey();
            }

            if (_typeKeys.Contains(key, StringComparer.Ordinal))
            {
                // The same name in another letter case: one C# class, two YAML keys.
                key = char.IsUpper(key[0]) ? char.ToLowerInvariant(key[0]) + key[1..] : char.ToUpperInvariant(key[0]) + key[1..];
            }

            if (!_typeKeys.Contains(key, StringComparer.Ordinal))
            {
                _typeKeys.Add(key);
            }
        }

        var entries = new List<(string, YNode)>();
        if (!Chance(_nasty * 0.05))
        {
            entries.Add(("interface", S(_interfaceName)));
        }

        if (Chance(0.3))
        {
            entries.Add(("title", S(DocText())));
        }

        if (Chance(0.3))
        {
            entries.Add(("description", Chance(0.2) ? new YScalar(DocText() + "\n" + DocText(), YStyle.Literal) : S(DocText())));
        }

        if (!Chance(_nasty * 0.05))
        {
            entries.Add(("method", S(Chance(_nasty) ? Pick(FuzzPools.Methods) : Pick("POST", "POST", "GET", "PUT", "DELETE", "PATCH", "HEAD"))));
        }

        List<FieldDraft> request = Fields(_interfaceName + "Request", isRequest: true, depth: 0);
        List<FieldDraft> response = Fields(_interfaceName + "Response", isRequest: false, depth: 0);
        if (Chance(0.3))
        {
            bool integer = Chance(0.5);
            response.Insert(0, new FieldDraft("errorCode", new ScalarShape(integer ? ScalarKind.Int32 : ScalarKind.String), false, null, [], Map([("name", S("errorCode")), ("type", S(integer ? "Integer" : "String"))])));
        }

        responseFields.AddRange(response.Select(f => f.Name));
        List<(string Key, List<FieldDraft>? Fields)> types = [];
        foreach (string key in _typeKeys)
        {
            List<FieldDraft>? fields = Chance(0.03) ? null : Fields(key, isRequest: false, depth: 0, selfType: key);
            _typeFields[key] = fields ?? [];
            types.Add((key, fields));
        }

        if (!Chance(_nasty * 0.05))
        {
            entries.Add(("url", S(Url(request))));
        }

        entries.Add(("request", Chance(0.05) ? new YSeq([]) : new YSeq([.. request.Select(f => (YNode)f.Yaml)])));
        entries.Add(("response", new YSeq([.. response.Select(f => (YNode)f.Yaml)])));
        if (types.Count > 0)
        {
            entries.Add(("types", Map([.. types.Select(t => (t.Key, t.Fields is null ? (YNode)S(string.Empty, YStyle.Plain) : new YSeq([.. t.Fields.Select(f => (YNode)f.Yaml)])))])));
        }

        if (Chance(0.15) && (request.Select(f => f.Name).Distinct().Count() >= 2 || Chance(_nasty)))
        {
            entries.Add(("rules", Rules(request, response)));
        }

        if (Chance(0.3))
        {
            entries.Add(("examples", Examples(request, response)));
        }

        if (Chance(_nasty * 0.05))
        {
            entries.Add((Pick("Interface", "methods", "requests", "type"), S("x")));
        }

        return Map(entries);
    }

    private string InterfaceName(List<string> previous)
    {
        for (int attempt = 0; attempt < 8; attempt++)
        {
            string name = InterfaceNameCandidate(previous);
            if (_nasty > 0 || !previous.Any(p => PascalGuess(p) == PascalGuess(name)))
            {
                return name;
            }
        }

        return "op" + Text(previous.Count);
    }

    private string InterfaceNameCandidate(List<string> previous)
    {
        if (previous.Count > 0 && Chance(0.15))
        {
            // Another file of the folder, spelled so that PascalCase makes it the same.
            return Pick(previous.ToArray()) switch
            {
                { Length: > 0 } name when char.IsLower(name[0]) => char.ToUpperInvariant(name[0]) + name[1..],
                { Length: > 0 } name => char.ToLowerInvariant(name[0]) + name[1..],
                _ => "op",
            };
        }

        return _random.Next(20) switch
        {
            0 => Pick(FuzzPools.Keywords),
            1 => Pick(FuzzPools.SystemNames),
            2 => Pick(FuzzPools.UnicodeNames),
            3 => Pick(FuzzPools.DigitNames),
            4 => Pick(FuzzPools.OddSpelledNames),
            5 => Pick(FuzzPools.GeneratedMembers),
            6 => Pick(_serviceName, _serviceName + "Client", "I" + _serviceName + "Client", _serviceName + "Fake", _serviceName + "ClientOptions"),
            _ => Pick("query", "queryTransferRecordHistory", "getItems", "ping", "createOrder", "applyToken") + (previous.Count > 0 ? Text(previous.Count) : string.Empty),
        };
    }

    private string TypeKey()
    {
        return _random.Next(24) switch
        {
            0 => Pick(FuzzPools.Keywords),
            1 => Pick(FuzzPools.SystemNames),
            2 => Pick(FuzzPools.UnicodeNames),
            3 => Pick(FuzzPools.DigitNames),
            4 => Pick(FuzzPools.OddSpelledNames),
            5 => Pick(FuzzPools.GeneratedMembers),
            6 when Chance(_nasty * 4) => Pick(_interfaceName + "Request", _interfaceName + "Response", _interfaceName + "Examples"),
            6 => "SpecGenJsonConverter",
            7 => Pick(_serviceName + "Client", "I" + _serviceName + "Client", _serviceName + "ClientOptions", _serviceName + "Fake", _serviceName + "ClientServiceCollectionExtensions"),
            8 => Pick("string", "int", "Map", "List", "Object", "date", "Long", "list", "map"),
            _ => Pick("item", "address", "record", "node", "transferRecord", "detail", "entry", "value", "page", "tag"),
        };
    }

    /// <summary>A table of fields for the class named <paramref name="owner"/> (its spec spelling).</summary>
    private List<FieldDraft> Fields(string owner, bool isRequest, int depth, string? selfType = null)
    {
        var fields = new List<FieldDraft>();
        int count = _random.Next(depth == 0 ? 6 : 4);
        for (int i = 0; i < count; i++)
        {
            fields.Add(Field(owner, fields, isRequest, depth, selfType));
            if (Chance(0.01 + (_nasty * 0.1)))
            {
                // Its twin: PascalCase, letter case or an invisible character make the two one C# name.
                (string first, string second) = Pick(FuzzPools.CollidingPairs);
                fields.Add(Field(owner, fields, isRequest, depth, selfType, first));
                fields.Add(Field(owner, fields, isRequest, depth, selfType, second));
            }
        }

        if (isRequest && depth == 0 && Chance(0.1))
        {
            fields.Add(TokenField());
        }

        return fields;
    }

    private FieldDraft TokenField()
        => new(
            "authToken",
            new ScalarShape(ScalarKind.String),
            true,
            Chance(0.5) ? "Header" : null,
            [],
            Map([("name", S("authToken")), ("type", S("String")), ("mandatory", S("Yes")), ("secret", S("true")), ("token", S(Pick("true", "true", "yes", "True")))]));

    private FieldDraft Field(string owner, List<FieldDraft> siblings, bool isRequest, int depth, string? selfType, string? forcedName = null)
    {
        TypeChoice type = ChooseType(depth, selfType);
        string name = forcedName ?? FieldName(owner, siblings, type);
        var entries = new List<(string, YNode)> { ("name", S(name)) };
        if (!Chance(_nasty * 0.03))
        {
            entries.Add(("type", S(type.Text)));
        }

        string? position = null;
        if ((isRequest && depth == 0 && Chance(0.15)) || Chance(_nasty * 0.05))
        {
            position = Chance(_nasty) ? Pick(FuzzPools.Positions) : Pick("Query", "Path", "Header", "Body");
            entries.Add(("position", S(position)));
        }

        bool mandatory = false;
        if (Chance(0.3))
        {
            string word = Chance(_nasty) ? Pick(FuzzPools.MandatoryWords) : Pick("Yes", "No", "M", "O", "True");
            mandatory = word is "Yes" or "M" or "True" or "yes" or "true" or "y" or "Mandatory";
            entries.Add(("mandatory", S(word)));
        }

        if (Chance(0.3))
        {
            entries.Add(("description", S(DocText())));
        }

        if (Chance(0.06))
        {
            entries.Add(("secret", S(Chance(_nasty) ? Pick(FuzzPools.FlagWords) : "true")));
        }

        if (Chance(_nasty * 0.1) || (Chance(0.1) && isRequest && depth == 0 && type.Shape is ScalarShape { Kind: ScalarKind.String }))
        {
            entries.Add(("token", S(Chance(_nasty) ? Pick(FuzzPools.FlagWords) : "true")));
        }

        if (Chance(0.08))
        {
            entries.Add(("csharpName", S(CSharpName(siblings))));
        }

        (List<string> values, string? sample) = Constraints(entries, type);
        if (type.Shape is InlineShape inline)
        {
            if (Chance(0.3))
            {
                entries.Add(("typeName", S(TypeNameChoice(owner))));
            }

            entries.Add(("fields", new YSeq([.. inline.Fields.Select(f => (YNode)f.Yaml)])));
        }
        else if (Chance(_nasty * 0.05))
        {
            entries.Add(("fields", new YSeq([Map([("name", S("a")), ("type", S("String"))])])));
        }

        if (Chance(_nasty * 0.05))
        {
            entries.Add((Pick("Name", "required", "enum", "example", "nullable", "min"), S("x")));
        }

        if (Chance(0.1))
        {
            // Key order does not matter to YAML; make sure nothing in the generator depends on it.
            entries.Reverse();
        }

        return new FieldDraft(name, type.Shape, mandatory, position, values, Map(entries)) { Sample = sample };
    }

    private string FieldName(string owner, List<FieldDraft> siblings, TypeChoice type)
    {
        if (type.Shape is NamedShape named && Chance(0.2) && (named.Key != owner || Chance(_nasty)))
        {
            // A field named like its own type: 'item' of type 'item', 'address' of type 'address[]'.
            return Chance(0.8) ? named.Key : Pick(char.ToUpperInvariant(named.Key[0]) + named.Key[1..], named.Key.ToUpperInvariant());
        }

        if (type.Shape is ListShape { Element: NamedShape listed } && Chance(0.2) && (listed.Key != owner || Chance(_nasty)))
        {
            return listed.Key;
        }

        if (Chance(_nasty * 0.3))
        {
            // Names the generator must refuse: its own members, the class itself, a sibling.
            return _random.Next(4) switch
            {
                0 => Pick(FuzzPools.GeneratedMembers),
                1 => owner,
                2 when siblings.Count > 0 => Pick(siblings.ToArray()).Name,
                _ => Pick(_interfaceName + "Examples", _interfaceName + "Request", _interfaceName + "Response"),
            };
        }

        // Odd but valid names; in a calm case, none that an earlier field already turned into the same C# name.
        string name = "f";
        for (int attempt = 0; attempt < 8; attempt++)
        {
            name = _random.Next(50) switch
            {
                < 3 => Pick(FuzzPools.Keywords),
                < 6 => Pick(FuzzPools.UnicodeNames),
                < 8 => Pick(FuzzPools.DigitNames),
                < 11 => Pick(FuzzPools.OddSpelledNames),
                < 14 => Pick(FuzzPools.GeneratedLocals),
                < 17 => Pick(FuzzPools.SystemNames),
                < 19 when _typeKeys.Count > 0 => Pick(_typeKeys.ToArray()),
                < 20 => Pick(_serviceName + "Client", "I" + _serviceName + "Client", _serviceName + "ClientOptions", _serviceName + "Fake", _interfaceName),
                _ => Pick(FuzzPools.PlainNames),
            };
            string pascal = PascalGuess(name);
            if (_nasty > 0 || (pascal != PascalGuess(owner) && !siblings.Any(f => PascalGuess(f.Name) == pascal || f.Name == name)))
            {
                break;
            }
        }

        return name;
    }

    private string CSharpName(List<FieldDraft> siblings)
    {
        if (Chance(_nasty * 0.5))
        {
            return _random.Next(3) switch
            {
                0 => Pick(FuzzPools.InvalidCSharpNames),
                1 => Pick(FuzzPools.GeneratedMembers) is { } member ? char.ToUpperInvariant(member[0]) + member[1..] : "Validate",
                _ => siblings.Count > 0 ? PascalGuess(Pick(siblings.ToArray()).Name) : "Amount",
            };
        }

        return _random.Next(10) switch
        {
            < 4 => Pick(FuzzPools.GeneratedLocals),
            < 6 => Pick(FuzzPools.CSharpNames),
            6 => Pick(FuzzPools.Keywords),
            7 => "s_json" + Pick("Id", "Name", "Value", "Items"),
            8 => "s_pattern" + Pick("Id", "Name", "Value"),
            _ => Pick(FuzzPools.SystemNames),
        };
    }

    private string TypeNameChoice(string owner) => _random.Next(10) switch
    {
        0 => Pick(FuzzPools.Keywords),
        1 => Pick(FuzzPools.SystemNames),
        2 => Pick(_interfaceName + "Request", _interfaceName + "Response", _interfaceName + "Examples", owner),
        3 when _typeKeys.Count > 0 => Pick(_typeKeys.ToArray()),
        4 => Pick(_serviceName + "Client", "I" + _serviceName + "Client", _serviceName + "ClientOptions", "SpecGenJsonConverter"),
        5 => Pick("9 lives", string.Empty, "a-b", "中文", "not valid", "@class"),
        _ => Pick("Line", "Detail", "Part", "Inner") + Text(_random.Next(3)),
    };

    /// <summary>
    /// Roughly the C# name the generator derives, with the characters C# ignores in identifiers
    /// left out: good enough to keep calm cases from colliding by accident.
    /// </summary>
    private static string PascalGuess(string name)
    {
        var builder = new StringBuilder();
        string spaced = new([.. name.Select(c => IsWordCharacter(c) ? c : ' ')]);
        foreach (string word in spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string visible = new([.. word.Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.Format)]);
            if (visible.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(visible[0])).Append(visible.Any(char.IsLower) ? visible[1..] : visible[1..].ToLowerInvariant());
            }
        }

        return builder.ToString();
    }

    private static bool IsWordCharacter(char c)
        => c != '_' && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.Format or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.LetterNumber);

    private TypeChoice ChooseType(int depth, string? selfType)
    {
        if (Chance(_nasty * 0.08))
        {
            return new TypeChoice(Pick("Strnig", "List<", "Map<Integer, String>", "item[]]", "[]", "Map<String,>", "Array", "T[][]", "List<>", "String?", "int32", "Decimal", "List<String", "Map<String, String, String>", "<String>", "Object{}", "void"), new UnknownShape());
        }

        if (depth < 3 && Chance(0.08))
        {
            List<FieldDraft> fields = Fields("inline", isRequest: false, depth: depth + 1);
            bool many = Chance(0.4);
            string inlineText = many ? Pick("Object[]", "List<Object>", "object[]", "JSONObject[]") : Pick("Object", "JSONObject", "object");
            if (Chance(_nasty * 0.2))
            {
                inlineText = Pick("String", "Map<String, Object>", "Object[][]", "Integer");
            }

            Shape shape = new InlineShape(fields);
            return new TypeChoice(inlineText, many ? new ListShape(shape) : shape);
        }

        (string text, Shape inner) = Chance(0.25) && _typeKeys.Count > 0 ? NamedType(selfType) : ScalarType();
        switch (_random.Next(40))
        {
            case < 4:
                return new TypeChoice(text + "[]", new ListShape(inner));
            case < 6:
                return new TypeChoice($"List<{text}>", new ListShape(inner));
            case 6:
                return new TypeChoice(Chance(0.5) ? text + "[][]" : $"List<List<{text}>>", new ListShape(new ListShape(inner)));
            case < 9:
                return new TypeChoice($"Map<String, {text}>", new MapShape(inner));
            case 9:
                return new TypeChoice($"Map<String, List<{text}>>", new MapShape(new ListShape(inner)));
            case 10:
                return new TypeChoice($"List<Map<String, {text}>>", new ListShape(new MapShape(inner)));
            case 11:
                return new TypeChoice($"Map<string, {text}[]>", new MapShape(new ListShape(inner)));
            default:
                return new TypeChoice(text, inner);
        }
    }

    private (string Text, Shape Shape) NamedType(string? selfType)
    {
        string key = selfType is not null && Chance(0.3) ? selfType : Pick(_typeKeys.ToArray());
        string text = Chance(0.15) ? key.ToUpperInvariant() : key;
        return (text, new NamedShape(key));
    }

    private (string Text, Shape Shape) ScalarType() => _random.Next(40) switch
    {
        < 14 => (Pick("String", "String", "string", "STRING"), new ScalarShape(ScalarKind.String)),
        < 19 => (Pick("Integer", "Integer", "int", "INT"), new ScalarShape(ScalarKind.Int32)),
        < 24 => (Pick("Long", "long"), new ScalarShape(ScalarKind.Int64)),
        < 29 => (Pick("Number", "Double", "Float", "double"), new ScalarShape(ScalarKind.Double)),
        < 33 => (Pick("Boolean", "boolean"), new ScalarShape(ScalarKind.Boolean)),
        < 35 => ("Date", new ScalarShape(ScalarKind.Date)),
        < 38 => (Pick("Object", "JSONObject", "object"), new ScalarShape(ScalarKind.Json)),
        _ => ("Map", new MapShape(new ScalarShape(ScalarKind.Json))),
    };

    /// <summary>
    /// Adds the constraints of a field to <paramref name="entries"/>; returns its allowed values and
    /// a value an example can use, when the fuzzer knows one.
    /// </summary>
    private (List<string> Values, string? Sample) Constraints(List<(string, YNode)> entries, TypeChoice type)
    {
        ScalarKind? kind = Innermost(type.Shape) is ScalarShape scalar ? scalar.Kind : null;
        bool text = kind is ScalarKind.String or ScalarKind.Date;
        bool number = kind is ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Double;
        bool collection = type.Shape is ListShape or MapShape;
        bool scalarValued = kind is not null and not ScalarKind.Json;
        List<string> values = [];
        string? sample = null;

        if ((scalarValued && Chance(0.2)) || Chance(_nasty * 0.05))
        {
            int count = 1 + _random.Next(3);
            for (int i = 0; i < count; i++)
            {
                values.Add(Value(kind));
            }

            entries.Add(("values", Seq(values)));
            sample = values[0];
        }

        // Values and other constraints that disagree are for nasty cases; a calm field has one or the other.
        bool mix = values.Count == 0 || Chance(_nasty * 2);
        (string Pattern, string Trigger)? catastrophic = null;
        if ((mix && text && Chance(0.12)) || Chance(_nasty * 0.03))
        {
            string pattern;
            if (Chance(0.02))
            {
                catastrophic = Pick(FuzzPools.CatastrophicPatterns);
                pattern = catastrophic.Value.Pattern;
            }
            else
            {
                pattern = Chance(_nasty) ? Pick(FuzzPools.InvalidPatterns) : Pick(FuzzPools.ValidPatterns);
            }

            entries.Add(("pattern", S(pattern)));
            sample = catastrophic?.Trigger;
        }

        if ((mix && (text || kind == ScalarKind.Int64) && Chance(0.1)) || Chance(_nasty * 0.05))
        {
            string format = Chance(_nasty) ? Pick(FuzzPools.Formats) : kind == ScalarKind.Int64 ? "unix-ms" : Pick("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "unix-ms");
            entries.Add(("format", S(format)));
            sample = format switch
            {
                "yyyy-MM-dd HH:mm:ss" => "2001-02-03 04:05:06",
                "yyyy-MM-dd" => "2001-02-03",
                "unix-ms" => "1648805538000",
                _ => null,
            };
        }

        if ((mix && (text || number) && Chance(0.12)) || Chance(_nasty * 0.05))
        {
            bool ordinary = !Chance(_nasty * 2);
            if (Chance(0.7))
            {
                entries.Add(("minimum", S(ordinary ? Pick("0", "1", "-10") : Pick(FuzzPools.RangeValues), PickStyle())));
            }

            if (Chance(0.7))
            {
                entries.Add(("maximum", S(ordinary ? Pick("100", "1000", "99.5") : Pick(FuzzPools.RangeValues), PickStyle())));
            }

            sample ??= Chance(_nasty) ? null : "5";
        }

        if ((mix && text && Chance(0.1)) || Chance(_nasty * 0.05))
        {
            entries.Add((Pick("minLength", "maxLength"), S(Chance(_nasty) ? Pick(FuzzPools.CountValues) : Pick("1", "10", "64"))));
        }

        if ((collection && Chance(0.15)) || Chance(_nasty * 0.05))
        {
            entries.Add((Pick("minItems", "maxItems"), S(Chance(_nasty) ? Pick(FuzzPools.CountValues) : Pick("0", "1", "20"))));
        }

        if (((scalarValued && !collection) && Chance(0.15)) || Chance(_nasty * 0.05))
        {
            string value = catastrophic is { } trigger ? trigger.Trigger
                : Chance(_nasty) ? Value(kind)
                : sample ?? (values.Count == 0 && !entries.Any(e => e.Item1 is "pattern" or "minLength" or "maxLength" or "minimum" or "maximum") ? Value(kind) : null)!;
            if (value is not null)
            {
                entries.Add(("default", S(value, PickStyle())));
                sample ??= value;
            }
        }
        else if (catastrophic is { } trigger && values.Count == 0)
        {
            entries.Add(("values", Seq([trigger.Trigger])));
        }

        return (values, sample);
    }

    /// <summary>A value as a page might spell it for the given kind, or, now and then, for another.</summary>
    private string Value(ScalarKind? kind)
    {
        if (Chance(_nasty * 0.2))
        {
            kind = Pick(ScalarKind.String, ScalarKind.Int32, ScalarKind.Int64, ScalarKind.Double, ScalarKind.Boolean);
        }

        bool ordinary = Chance(0.75 - _nasty);
        return kind switch
        {
            ScalarKind.Int32 => ordinary ? Pick("0", "5", "-1", "100", "20") : Pick(FuzzPools.IntegerValues),
            ScalarKind.Int64 => ordinary ? Pick("0", "5", "-1", "1648805538000") : Pick(FuzzPools.LongValues),
            ScalarKind.Double => ordinary ? Pick("1.5", "2", "-0.5", "100") : Pick(FuzzPools.NumberValues),
            ScalarKind.Boolean => ordinary ? Pick("true", "false") : Pick(FuzzPools.BooleanValues),
            _ => ordinary ? Pick("A", "B", "INIT", "SUCCESS", "5", "10", "2001-02-03") : Pick(FuzzPools.StringValues),
        };
    }

    private string Url(List<FieldDraft> request)
    {
        string[] paths = request.Where(f => f.Position is "Path" or "path").Select(f => f.Name).ToArray();
        string template = Chance(_nasty) ? Pick(FuzzPools.UrlTemplates) : paths.Length > 0 ? Pick("/a/{P}", "/items/{P}/detail", "/{P}") : Pick("/oifde/rest/api/" + Text(_seed), "/items", "/a/b");
        var builder = new StringBuilder(template);
        builder.Replace("{P}", "{" + (paths.Length > 0 ? Pick(paths) : request.Count > 0 ? Pick(request.ToArray()).Name : "id") + "}");
        builder.Replace("{ P }", "{ " + (paths.Length > 0 ? Pick(paths) : "id") + " }");
        builder.Replace("{P", "{" + (paths.Length > 0 ? Pick(paths) : "id"));
        builder.Replace("P}", (paths.Length > 0 ? Pick(paths) : "id") + "}");
        builder.Replace("{Q}", "{missing}");
        string url = builder.ToString();

        // Every Path field in the URL, once, unless the case is out to break that.
        foreach (string path in paths)
        {
            if (!url.Contains("{" + path + "}", StringComparison.Ordinal) && !Chance(_nasty))
            {
                url += "/{" + path + "}";
            }
        }

        return url;
    }

    private YSeq Rules(List<FieldDraft> request, List<FieldDraft> response)
    {
        var rules = new List<YNode>();
        int count = 1 + _random.Next(2);
        for (int i = 0; i < count; i++)
        {
            var names = new List<string>();
            bool odd = Chance(_nasty);
            int offset = _random.Next(Math.Max(1, request.Count));
            int members = odd ? _random.Next(4) : Math.Min(2 + _random.Next(2), request.Count);
            for (int m = 0; m < members; m++)
            {
                names.Add(odd ? _random.Next(3) switch
                {
                    0 => "missing",
                    1 when response.Count > 0 => Pick(response.ToArray()).Name,
                    _ when request.Count > 0 => Pick(request.ToArray()).Name,
                    _ => "x",
                } : request[(offset + m) % request.Count].Name);
            }

            string key = Chance(_nasty * 0.1) ? Pick("anyOf", "oneOf", "AtLeastOne") : Pick("atLeastOne", "exactlyOne");
            rules.Add(Map([(key, Seq(names))]));
        }

        return new YSeq([.. rules]);
    }

    private YMap Examples(List<FieldDraft> request, List<FieldDraft> response)
    {
        var entries = new List<(string, YNode)>();
        if (Chance(0.7))
        {
            entries.Add(("request", ExampleText(request)));
        }

        if (Chance(0.7))
        {
            entries.Add(("response", ExampleText(response)));
        }

        if (Chance(_nasty * 0.1))
        {
            entries.Add(("other", S("{}")));
        }

        return Map(entries);
    }

    private YScalar ExampleText(List<FieldDraft> fields)
    {
        string json = (Chance(_nasty * 2) ? _random.Next(12) : 12) switch
        {
            0 => Pick("{ \"a\": 1, }", "{'a': 1}", "{a: 1}", "[1, 2", "{ \"a\": \"\\q\" }", string.Empty, "   ", "{ \"a\": NaN }", "// only a comment", "{} trailing", "\uFEFF{}", "{ \"a\": 01 }", "{ \"a\": \"\\uD800\" }", "{ /* unclosed", "\"just a string\"", "null", "{\"a\":1}{\"b\":2}"),
            1 => Huge(fields),
            2 => Deep(fields),
            < 12 => Disagree(ObjectJson(fields, 0, [])),
            _ when Chance(0.01) => Huge(fields),
            _ when Chance(0.02) => Deep(fields),
            _ => ObjectJson(fields, 0, []),
        };

        if (Chance(0.2))
        {
            json = json.Replace("\n", " //Comment.\n", StringComparison.Ordinal);
        }

        return new YScalar(json + (Chance(0.5) ? "\n" : string.Empty), Chance(0.8) ? YStyle.Literal : YStyle.Double);
    }

    private static string Huge(List<FieldDraft> fields)
    {
        FieldDraft? text = fields.FirstOrDefault(f => f.Shape is ScalarShape { Kind: ScalarKind.String or ScalarKind.Json } && f.Position is null or "Body");
        string name = text?.Name ?? "big";
        return "{\n  " + JsonString(name) + ": " + JsonString(new string('x', 100_000)) + "\n}";
    }

    private static string Deep(List<FieldDraft> fields)
    {
        FieldDraft? free = fields.FirstOrDefault(f => f.Shape is ScalarShape { Kind: ScalarKind.Json } && f.Position is null or "Body");
        string inner = string.Concat(Enumerable.Repeat("{\"a\": [", 100)) + "1" + string.Concat(Enumerable.Repeat("]}", 100));
        return "{\n  " + JsonString(free?.Name ?? "deep") + ": " + inner + "\n}";
    }

    private string Disagree(string json) => _random.Next(5) switch
    {
        0 => json.Replace("\"x\"", "5", StringComparison.Ordinal),
        1 => json.Replace(": 1", ": \"one\"", StringComparison.Ordinal),
        2 => json.Length > 2 ? "{ \"unknownField\": 1, " + json[1..] : json,
        3 => "[" + json + "]",
        _ => json.Replace("true", "\"yes\"", StringComparison.Ordinal),
    };

    private string ObjectJson(List<FieldDraft> fields, int depth, HashSet<string> visiting)
    {
        var members = new List<string>();
        foreach (FieldDraft field in fields)
        {
            if (field.Position is not (null or "Body" or "body") || (!field.Mandatory && Chance(0.4)))
            {
                continue;
            }

            members.Add(JsonString(field.Name) + ": " + ValueJson(field.Shape, field.Sample, depth + 1, visiting));
        }

        string indent = new(' ', 2 * (depth + 1));
        return members.Count == 0 ? "{}" : "{\n" + string.Join(",\n", members.Select(m => indent + m)) + "\n" + new string(' ', 2 * depth) + "}";
    }

    private string ValueJson(Shape shape, string? sample, int depth, HashSet<string> visiting)
    {
        switch (shape)
        {
            case ScalarShape scalar:
                return scalar.Kind switch
                {
                    ScalarKind.String or ScalarKind.Date => JsonString(sample ?? "x"),
                    ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Double => sample is not null && IsJsonNumber(sample) ? sample : "1",
                    ScalarKind.Boolean => sample is "true" or "false" ? sample : "true",
                    _ => Pick("{}", "[1, \"a\"]", "{ \"any\": null }", "5"),
                };
            case NamedShape named when depth < 5 && visiting.Add(named.Key):
                string json = _typeFields.TryGetValue(named.Key, out List<FieldDraft>? fields) ? ObjectJson(fields, depth, visiting) : "{}";
                visiting.Remove(named.Key);
                return json;
            case NamedShape:
                return "null";
            case ListShape list:
                return Chance(0.3) ? "[]" : "[" + ValueJson(list.Element, sample, depth + 1, visiting) + "]";
            case MapShape map:
                return Chance(0.3) ? "{}" : "{ \"k\": " + ValueJson(map.Element, sample, depth + 1, visiting) + " }";
            case InlineShape inline when depth < 6:
                return ObjectJson(inline.Fields, depth, visiting);
            default:
                return "null";
        }
    }

    private static bool IsJsonNumber(string text)
        => System.Text.RegularExpressions.Regex.IsMatch(text, "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$");

    private static string JsonString(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or '\u2028' or '\u2029' or '\u0085' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ when char.IsSurrogate(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private string DocText()
    {
        if (!Chance(0.4))
        {
            return Pick(FuzzPools.PlainTexts);
        }

        return Pick(FuzzPools.PlainTexts) + Pick(" ", string.Empty) + Pick(FuzzPools.NastyTexts) + (Chance(0.5) ? " " + Pick(FuzzPools.NastyTexts) + " end" : string.Empty);
    }

    private static Shape Innermost(Shape shape) => shape switch
    {
        ListShape list => Innermost(list.Element),
        MapShape map => Innermost(map.Element),
        _ => shape,
    };

    private YStyle PickStyle() => Pick(YStyle.Any, YStyle.Any, YStyle.Plain, YStyle.Single, YStyle.Double);

    private YScalar S(string text, YStyle style = YStyle.Any) => new(text, style == YStyle.Any && Chance(0.1) ? PickStyle() : style);

    private YSeq Seq(IEnumerable<string> items) => new([.. items.Select(i => (YNode)S(i, PickStyle()))], Flow: Chance(0.8));

    private static YMap Map(IEnumerable<(string Key, YNode Value)> entries) => new([.. entries]);

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private enum ScalarKind
    {
        String,
        Int32,
        Int64,
        Double,
        Boolean,
        Date,
        Json,
    }

    private abstract record Shape;

    private sealed record ScalarShape(ScalarKind Kind) : Shape;

    private sealed record NamedShape(string Key) : Shape;

    private sealed record ListShape(Shape Element) : Shape;

    private sealed record MapShape(Shape Element) : Shape;

    private sealed record InlineShape(List<FieldDraft> Fields) : Shape;

    private sealed record UnknownShape : Shape;

    private sealed record TypeChoice(string Text, Shape Shape);

    /// <summary>A field as the fuzzer chose it: its YAML, and what examples need to agree with it.</summary>
    private sealed record FieldDraft(string Name, Shape Shape, bool Mandatory, string? Position, List<string> Values, YMap Yaml)
    {
        /// <summary>A value the field's constraints accept, for examples; null when the fuzzer does not know one.</summary>
        public string? Sample { get; init; }
    }
}
