using System.Globalization;

namespace SpecGen.Benchmarks;

/// <summary>
/// The request's rules as if-checks, as a careful human writes them: constant messages, and a list
/// that is created only when there is an error. Two versions differ only in the date check.
/// </summary>
public static class HandWrittenValidation
{
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The date checked by its fixed shape: digits, separators, ranges and the days of the month.</summary>
    public static List<string>? Validate(PocoRequest request) => Validate(request, fixedShape: true);

    /// <summary>The date checked with <see cref="DateTime.TryParseExact(string?, string?, IFormatProvider?, DateTimeStyles, out DateTime)"/>, as most code does.</summary>
    public static List<string>? ValidateWithTryParseExact(PocoRequest request) => Validate(request, fixedShape: false);

    private static List<string>? Validate(PocoRequest request, bool fixedShape)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<string>? errors = null;
        if (string.IsNullOrEmpty(request.TenantId))
        {
            (errors ??= []).Add("'tenantId' is mandatory.");
        }

        if (string.IsNullOrEmpty(request.AuthToken))
        {
            (errors ??= []).Add("'authToken' is mandatory.");
        }

        if (!string.IsNullOrEmpty(request.BeginTime) && !IsDate(request.BeginTime, fixedShape))
        {
            (errors ??= []).Add("'beginTime' must match the format 'yyyy-MM-dd HH:mm:ss'.");
        }

        if (!string.IsNullOrEmpty(request.EndTime) && !IsDate(request.EndTime, fixedShape))
        {
            (errors ??= []).Add("'endTime' must match the format 'yyyy-MM-dd HH:mm:ss'.");
        }

        if (!string.IsNullOrEmpty(request.PageSize) && request.PageSize is not ("5" or "10" or "20" or "50" or "100"))
        {
            (errors ??= []).Add("'pageSize' must be one of: 5, 10, 20, 50, 100.");
        }

        if (string.IsNullOrEmpty(request.CallId) && string.IsNullOrEmpty(request.UserMobile) && string.IsNullOrEmpty(request.CtiCallId))
        {
            (errors ??= []).Add("At least one of 'callId', 'userMobile', 'ctiCallId' must be set.");
        }

        return errors;
    }

    private static bool IsDate(string value, bool fixedShape)
        => fixedShape ? IsFixedShapeDate(value) : DateTime.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>yyyy-MM-dd HH:mm:ss with the calendar's meaning: 2022-02-30 and 24:00:00 are not dates.</summary>
    public static bool IsFixedShapeDate(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 19 || value[4] != '-' || value[7] != '-' || value[10] != ' ' || value[13] != ':' || value[16] != ':')
        {
            return false;
        }

        int year = Digits(value, 0, 4);
        int month = Digits(value, 5, 2);
        int day = Digits(value, 8, 2);
        int hour = Digits(value, 11, 2);
        int minute = Digits(value, 14, 2);
        int second = Digits(value, 17, 2);
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour is >= 0 and <= 23 && minute is >= 0 and <= 59 && second is >= 0 and <= 59;
    }

    /// <summary>The number written at <paramref name="start"/>, or -1 when a character there is not a digit.</summary>
    private static int Digits(string value, int start, int count)
    {
        int number = 0;
        for (int i = start; i < start + count; i++)
        {
            int digit = value[i] - '0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            number = (number * 10) + digit;
        }

        return number;
    }
}
