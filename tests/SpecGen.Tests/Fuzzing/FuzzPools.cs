namespace SpecGen.Tests.Fuzzing;

/// <summary>
/// What a page, or a hurried author, may write in a spec, grouped by the part of the generated
/// code it aims at. The fuzzer draws from these; it does not need to know which ones the
/// generator accepts, since every case is judged by the same rule.
/// </summary>
internal static class FuzzPools
{
    public static readonly string[] PlainNames =
    [
        "id", "name", "tenantId", "pageSize", "callId", "userMobile", "total", "items", "data", "status", "count",
        "beginTime", "endTime", "opResult", "remark", "x", "y", "a1", "userName", "flowId", "extInfo",
    ];

    /// <summary>Reserved and contextual keywords: PascalCase hides most, csharpName and Unicode case rules do not.</summary>
    public static readonly string[] Keywords =
    [
        "class", "int", "string", "var", "value", "record", "async", "await", "nameof", "global", "dynamic", "object",
        "bool", "namespace", "this", "base", "new", "return", "event", "operator", "default", "checked", "params", "ref",
        "out", "in", "is", "as", "null", "true", "false", "void", "static", "enum", "struct", "interface", "delegate",
        "lock", "fixed", "unsafe", "where", "when", "yield", "get", "set", "init", "field", "required", "scoped", "file",
        "partial", "select", "from", "let", "args", "notnull", "unmanaged", "nint", "nuint", "__arglist", "__makeref",
        "_", "__", "extension", "allows",
    ];

    public static readonly string[] UnicodeNames =
    [
        "é", "café", "中文", "名前", "Ωμέγα", "αβγ", "straße", "İstanbul", "ıd", "ǅemal", "ß", "Ⅻ", "ﬁle", "𝒳value",
        "ｘ", "Ärger", "ǆ", "ΣΑΣ", "ᾈ", "ŉ", "ﬀ", "ǈ", "μ", "Ω", "ª", "ʰ", "ᵃ",
    ];

    public static readonly string[] DigitNames = ["1st", "123", "9lives", "0", "2fa", "٣x", "５g", "1_000", "1e3", "0x10"];

    public static readonly string[] OddSpelledNames =
    [
        "a-b", "X-APP-Key", "first name", " padded ", "a b-c_d", "--", "a.b", "a/b", "a:b", "$ref", "@type", "#tag",
        "a\"b", "a\\b", "a'b", "x-", "-x", "_x", "x_", "__x__", "a\tb", "a\u200Bb", "a\u00ADb", "a\u200Db", "a\u2060b",
        "\u200B", "\u00AD", "!!!", "?", "{x}", "a{0}b", "<x>", "a&b", "*/", "x\u0301", "\u202Ex", "\u2066y",
    ];

    /// <summary>Pairs that PascalCase, letter case or invisible characters turn into one C# name.</summary>
    public static readonly (string First, string Second)[] CollidingPairs =
    [
        ("a-b", "aB"), ("id", "ID"), ("id", "Id"), ("userId", "user_id"), ("a\u200Bb", "ab"), ("a\u00ADb", "ab"),
        ("tenantId", "tenant-id"), ("x1", "x_1"), ("pageSize", "PAGE_SIZE"), ("é", "É"), ("ıd", "Id"), ("a b", "AB"),
        ("Σ", "σ"), ("ǅ", "ǆ"), ("a\u0301", "á"), ("x", "@x"), ("value", "Value"),
    ];

    /// <summary>Members every generated class has.</summary>
    public static readonly string[] GeneratedMembers =
    [
        "validate", "Validate", "validateInto", "readJson", "writeJson", "toString", "withToken", "specGenJsonConverter",
        "equals", "getHashCode", "getType", "memberwiseClone", "finalize",
    ];

    /// <summary>Locals, parameters and fields of the generated code, spelled exactly (they need csharpName to keep their case).</summary>
    public static readonly string[] GeneratedLocals =
    [
        "value", "property", "reader", "writer", "errors", "mark", "list0", "item0", "item1", "map0", "key0", "entry",
        "entry0", "i", "index0", "copy", "token", "request", "call", "builder", "ex", "s_envelope", "_invoker",
        "cancellationToken", "atLeastOne", "exactlyOne", "server", "received", "options", "typeToConvert", "httpClient",
        "services", "configure", "logger", "tokenProvider", "response", "r",
    ];

    /// <summary>System and SpecGen runtime types and namespaces the generated code names.</summary>
    public static readonly string[] SystemNames =
    [
        "System", "String", "Task", "List", "Dictionary", "JsonElement", "SpecGen", "ValidationResult", "SpecCall",
        "SpecJson", "Regex", "Type", "Action", "Object", "Exception", "Microsoft", "Nullable", "Text", "Json",
        "SpecChecks", "SpecText", "SpecFormats", "SpecEnvelope", "SpecHttpInvoker", "ValidationErrorCollector",
        "SpecClientOptions", "Testing", "Collections", "Generic", "Threading", "Tasks", "Utf8JsonReader", "JsonConverter",
        "Math", "Guid", "TimeSpan", "Int32", "Int64", "Double", "Boolean", "JsonTokenType", "JsonEncodedText",
    ];

    public static readonly string[] CSharpNames =
    [
        "Ok", "Amount", "_hidden", "@class", "class", "int", "value", "Value", "é", "global", "var", "nameof", "__arglist",
        "@value", "_", "__", "Ωμέγα", "x\u200By", "\u0061\u0301", "@string", "dynamic", "await",
    ];

    public static readonly string[] InvalidCSharpNames = ["not valid", "1abc", "a-b", "", "@", "@@x", "a.b", "a\u200B", "x y", "@1"];

    public static readonly string[] Methods =
    [
        "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "get", "Post", " post ", "CONNECT", "TRACE", "", "POST/GET", "GeT",
    ];

    public static readonly string[] Positions = ["Body", "Query", "Path", "Header", "body", "QUERY", "path", "header", "Cookie", "Form", ""];

    public static readonly string[] MandatoryWords = ["Yes", "No", "True", "False", "M", "O", "yes", "true", "false", "y", "n", "Mandatory", "Optional", "maybe", "1", "0", ""];

    public static readonly string[] FlagWords = ["true", "false", "yes", "no", "True", "maybe", "1", ""];

    public static readonly string[] IntegerValues =
    [
        "0", "5", "-1", "+5", "-0", "007", "2147483647", "-2147483648", "2147483648", "-2147483649", " 5 ", "0x10",
        "1_000", "1e3", "1.5", "1.0", "٣", "５", "NaN", "", "abc", "9223372036854775808", "18446744073709551616",
        "99999999999999999999", "1,000", "5L", "5u", "0b101", "+0", "--5", "Infinity",
    ];

    public static readonly string[] LongValues =
    [
        "0", "5", "-1", "+5", "-0", "4294967296", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "99999999999999999999999", " 5 ", "0x10", "1_000", "1e3", "1.5",
        "٣", "５", "NaN", "", "1e400", "5L", "0b1",
    ];

    public static readonly string[] NumberValues =
    [
        "0", "1.5", "-0", "-0.0", "2.25", "NaN", "Infinity", "-Infinity", "nan", "infinity", "INF", "∞", " 5 ", "+5",
        "0x10", "1_000", "1e3", "1E3", "1e+3", "1e-3", "1e400", "-1e400", "1e-400", "5.", ".5", "1.", "٣", "５", "",
        "1,5", "1.7976931348623157E+308", "4.9E-324", "0.1", "١٫٥", "5d", "5m", "5f", "0.0000000000000000000000000001",
        "79228162514264337593543950336", "-.5", "+.5e-2",
    ];

    public static readonly string[] BooleanValues = ["true", "false", "True", "FALSE", "yes", "no", "1", "0", "on", "", " true ", "null"];

    public static readonly string[] StringValues =
    [
        "a", "INIT", "SUCCESS", "FAIL", "", " spaced ", "with \"quote\"", "back\\slash", "{0}", "{{", "\r\n", "é", "中文",
        "NaN", "5", "line\u2028sep", "\u202Eevil", "~", "null", "\0", "\u0085", "tab\there", "*/", "\"\"\"", "#error x",
        "2001-02-03 04:05:06", "2001-02-03", "1648805538000", "-1", "a\u200Bb",
    ];

    public static readonly string[] RangeValues =
    [
        "0", "5", "-5", "+5", " 5 ", "1.5", "1e3", "1e400", "NaN", "Infinity", "-0", "0x10", "1_000", "2147483648",
        "79228162514264337593543950335", "-79228162514264337593543950335", "79228162514264337593543950336", "٣", "",
        "1e-30", "0.0000000000000000000000000001", "1.5e1", "abc", "100", "-100", "9223372036854775808",
    ];

    public static readonly string[] CountValues = ["0", "1", "3", "100", "-1", "1.5", "1e3", " 2 ", "99999999999", "", "x", "2147483647", "2147483648"];

    public static readonly string[] ValidPatterns =
    [
        "^[a-z]+$", "\\d{3}", "^\\p{L}+$", "^$", "", "(?i)abc", "^[0-9]{1,5}$", "\"", "\\\\", "[{}]", "^a|b$", "(?<n>a)\\k<n>",
        "\\u0041", "[\\u4e00-\\u9fa5]+", "*/", "</summary>", "{0}", "(?#comment)x", "^(?:\\d+)?$", ".*",
    ];

    public static readonly string[] InvalidPatterns = ["(", "[a-", "a{2,1}", "*", "(?<", "\\", "[z-a]", "(?P<x>a)", "a)", "\\k<none>", "x{99999999999}"];

    /// <summary>Patterns that backtrack without end, each with a value that makes them do so.</summary>
    public static readonly (string Pattern, string Trigger)[] CatastrophicPatterns =
    [
        ("^(a+)+$", new string('a', 34) + "!"),
        ("(x+x+)+y", new string('x', 34)),
        ("^(\\w+\\s?)*$", new string('w', 34) + "!"),
        ("^(a|aa)+$", new string('a', 40) + "!"),
    ];

    public static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "unix-ms", "unix-s", "UNIX-MS", "%", "", "yyyy\"MM", "HH:mm", "dd/MM/yyyy",
        "yyyyMMddHHmmss", "not a format", "{0}", "yyyy'-'MM", "\\y", "y", "fffffff", "yyyy-MM-ddTHH:mm:ss.fffZ",
    ];

    /// <summary>Text that is harmless on a page and dangerous in a doc comment, a literal or a preprocessor line.</summary>
    public static readonly string[] NastyTexts =
    [
        "*/", "</summary>", "<![CDATA[", "]]>", "a\r\nb", "a\u2028b", "a\u2029b", "a\u0085b", "\u202Eevil", "\u2066isolate",
        "#error boom", "#if DEBUG", "\n#error on its own line\n", "\"\"\"", "{0}", "\\", "<see cref=\"X\"/>", "&amp;", "&",
        "<para>", "/// ", "//", "/*", "a\tb", "\u0001", "\uFEFF", "\u200B", "multi\nline\n\ntext", " leading", "trailing ",
        "\u0000", "<", ">", "'", "\"", "\u000B\u000C", "\r", "line1\rline2", "@\"", "\\u0022", "}", "{",
        "<!-- comment", "-->", "<summary>", "&lt;", "<code>x</code>", "%s", "$\"{x}\"",
    ];

    public static readonly string[] PlainTexts =
    [
        "Tenant ID.", "Valid token value for accessing the interface.", "Page size.", "The result code.",
        "Queries the records.", "Interface for Querying Records",
    ];

    /// <summary>URL templates; <c>{P}</c> stands for a Path field's name and <c>{Q}</c> for a name no field has.</summary>
    public static readonly string[] UrlTemplates =
    [
        "/a/{P}", "/a/{P}/{P}", "/a/{}", "/a/{ P }", "/a/{P", "/a/P}", "/a/{Q}", "/a", "", "/a/{{P}}", "/{P}/{P}/b",
        "a/{P}", "https://host/{P}", "/a?x={P}", "/a/{P}#frag", "/a/{P}{P}", "/a/{P}/{Q}", "/\u4e2d/{P}", "/a b/{P}",
        "/a/\"{P}\"", "/a/\\{P}", "/a/{P}/*/", "/a/{/}",
    ];

    public static readonly string[] Namespaces =
    [
        "System", "String", "SpecGen", "Item", "Ping", "Client", "Task", "global", "class", "é", "中文", "Text", "Json",
        "@class", "Microsoft", "Testing", "Extensions", "DependencyInjection", "Collections", "Threading", "Tasks", "Http",
        "Regex", "Value", "_", "__", "Examples", "Fake", "Validate",
    ];

    public static readonly string[] InvalidNamespaceParts = ["class", "1x", "a-b", "", " ", "a b", "int", "@", "x.", ".x", "namespace", "a\u200Bb"];

    /// <summary>Whole namespaces, for the MSBuild properties and for folders that share one.</summary>
    public static readonly string[] WholeNamespaces =
    [
        "System", "SpecGen", "global", "class", "My App", "1App", "App.class", "App..X", " App ", "App.", ".App",
        "System.Text.Json", "App.Ωμέγα", "App.@class", "Microsoft.Extensions.DependencyInjection", "SpecGen.Testing",
        "App.System", "App.SpecGen", "global::App", "App-Name", "App\u200B", "_", "__", "App.Value", "Ok.Fine", "@App",
        "System.Threading.Tasks", "App.global", "App.String",
    ];

    public static readonly string[] ServiceNames =
    [
        "class", "System", "SpecGen", "String", "Task", "中文", "a-b", "1x", "Http", "I", "!!!", "Value", "Spec", "Json",
        "Client", "Ping", "Options", "Fake", "Examples", "global", "Validate", "ToString", "@class", "", "_",
    ];

    public static readonly string[] FolderNames = ["class", "中文", "a b", "1x", "System", "!!!", "x-y", "spec", "Client", "é"];
}
