namespace Bridge.Mappings.Runtime;

/// <summary>
/// The shape adapters stamp on every reading (<c>2026-11-22T15:31:02.125Z</c>: UTC, 0–7 fraction digits) read
/// without the general date parser, which costs more than the rest of a sensor mapping. Anything else — another
/// offset, a leap second, an impossible date — returns false and goes the general way, so results do not change.
/// </summary>
internal static class UtcTimestamp
{
    public static bool TryParse(string text, out DateTimeOffset result)
    {
        result = default;
        if (text.Length < 20 || text.Length > 28 || text[^1] != 'Z' || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
            return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day) ||
            !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
            return false;
        var fraction = 0;
        var digits = text.Length - 21;
        if (text.Length > 20)
        {
            if (text[19] != '.' || digits is < 1 or > 7 || !Digits(text, 20, digits, out fraction)) return false;
            for (var i = digits; i < 7; i++) fraction *= 10;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        result = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction), TimeSpan.Zero);
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }
}
