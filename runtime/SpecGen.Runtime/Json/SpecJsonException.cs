using System;
using System.Globalization;
using System.Text.Json;

namespace SpecGen;

/// <summary>
/// JSON that does not have the shape of its spec: a wrong token type, a number out of range.
/// <see cref="JsonException.Path"/> is the JSON path of the value, such as <c>$.transferRecordList[0].startTime</c>.
/// </summary>
public sealed class SpecJsonException : JsonException
{
    /// <summary>Creates an exception about the value at <paramref name="relativePath"/>.</summary>
    public SpecJsonException(string reason, string relativePath = "")
        : base(Describe(reason, relativePath), "$" + relativePath, null, null)
    {
        Reason = reason;
        RelativePath = relativePath;
    }

    private SpecJsonException(string reason, string relativePath, long? lineNumber, long? bytePositionInLine, Exception? innerException)
        : base(Describe(reason, relativePath), "$" + relativePath, lineNumber, bytePositionInLine, innerException)
    {
        Reason = reason;
        RelativePath = relativePath;
    }

    /// <summary>Creates an exception with no path.</summary>
    public SpecJsonException()
        : this("The JSON does not match the spec.")
    {
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public SpecJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
        RelativePath = string.Empty;
    }

    /// <summary>What is wrong, without the path.</summary>
    public string Reason { get; }

    /// <summary>The path below the root, such as <c>.transferRecordList[0].startTime</c>.</summary>
    public string RelativePath { get; }

    /// <summary>The same error one object level up, inside <paramref name="property"/>.</summary>
    public SpecJsonException WithinProperty(string property)
        => new(Reason, "." + property + RelativePath, LineNumber, BytePositionInLine, InnerException);

    /// <summary>The same error one array level up, inside item <paramref name="index"/>.</summary>
    public SpecJsonException WithinItem(int index)
        => new(Reason, "[" + index.ToString(CultureInfo.InvariantCulture) + "]" + RelativePath, LineNumber, BytePositionInLine, InnerException);

    /// <summary>
    /// Any JSON error inside <paramref name="property"/>, with the path to it: a shape error of the
    /// spec, or malformed JSON that the reader itself reported.
    /// </summary>
    public static SpecJsonException InProperty(JsonException exception, string property)
        => From(exception).WithinProperty(property);

    /// <summary>Any JSON error inside item <paramref name="index"/> of an array, with the path to it.</summary>
    public static SpecJsonException InItem(JsonException exception, int index)
        => From(exception).WithinItem(index);

    private static SpecJsonException From(JsonException exception)
        => exception as SpecJsonException
        ?? new SpecJsonException(exception.Message, string.Empty, exception.LineNumber, exception.BytePositionInLine, exception);

    private static string Describe(string reason, string relativePath)
        => relativePath.Length == 0 ? reason : $"{reason} Path: ${relativePath}.";
}
