using Cec.Chatbot;

/// <summary>Prints transfer records as a text table.</summary>
internal static class RecordTable
{
    public static void Print(IReadOnlyList<TransferRecord> records)
    {
        string[] headers = ["id", "callId", "calling", "called", "transferred to", "start (UTC)", "end (UTC)", "result", "recording"];
        string[][] rows = records.Select(r => new[]
        {
            r.Id ?? "",
            r.CallId ?? "",
            r.CallingNumber ?? "",
            r.CalledNumber ?? "",
            r.TransfNumber ?? "",
            FormatTime(r.StartTime),
            FormatTime(r.EndTime),
            r.OpResult ?? "",
            r.RecordResult ?? "",
        }).ToArray();

        int[] widths = headers.Select((h, i) => rows.Select(row => row[i].Length).Append(h.Length).Max()).ToArray();
        string Line(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
        string rule = "|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|";

        Console.WriteLine(Line(headers));
        Console.WriteLine(rule);
        foreach (string[] row in rows)
        {
            Console.WriteLine(Line(row));
        }

        Console.WriteLine($"({records.Count} record{(records.Count == 1 ? "" : "s")})");
    }

    private static string FormatTime(long? unixMilliseconds)
        => unixMilliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "";
}
