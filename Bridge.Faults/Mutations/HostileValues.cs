namespace Bridge.Faults.Mutations;

/// <summary>The values a broken or hostile sender puts where a good one puts data, as raw text for the payload.</summary>
public static class HostileValues
{
    /// <summary>Numbers beyond double and decimal, below their precision, negative zero, and what JSON does not allow.</summary>
    public static readonly string[] Numbers =
    [
        "1e400", "-1e400", "1e-400", "-0", "-0.0", "79228162514264337593543950336", "-79228162514264337593543950336",
        "0.000000000000000000000000000001", "1E+2147483648", "123456789012345678901234567890.5", "9223372036854775808",
        "NaN", "Infinity", "-Infinity", "1e28", "0x1F", "1_000", "01", ".5", "5.", "+5", "1,5", "1.234,5", "1e", "--1",
    ];

    /// <summary>A value of another type than the one expected (as JSON text).</summary>
    public static readonly string[] WrongTypes =
    [
        "true", "false", "null", "\"text\"", "\"\"", "[]", "{}", "[1,2,3]", "{\"a\":1}", "0", "-1", "\"12,5\"",
        "\"2026-13-45T25:61:00Z\"", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.9999999+14:00\"", "\" \"",
    ];

    /// <summary>Text outside ASCII: Chinese, emoji, right-to-left and its override, combining marks, an unpaired surrogate.</summary>
    public static readonly string[] Unicode =
    [
        "物料-一百", "📦🔥🏭", "\u202Eevil.exe", "מחסן-א", "مستودع", "e\u0301\u0301\u0301", "\uFEFFbom", "\u200B\u200C\u200D",
        "Ａ－１００", "ǅǈǋ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u2028\u2029",
    ];

    /// <summary>Control characters inside a value: NUL, CR/LF, escape, backspace, DEL, a lone CR.</summary>
    public static readonly string[] Controls = ["\0", "\r\n", "\n", "\r", "\u001b[31m", "\b", "\u007f", "\u0001", "\t", "A\0B"];

    /// <summary>JSON string literals whose escapes decode to the hostile text above, or to an unpaired surrogate.</summary>
    public static readonly string[] JsonEscapes = ["\"\\u0000\"", "\"a\\r\\nb\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u001b[0m\"", "\"\\uFFFF\"", "\"\\\\\""];

    public static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    /// <summary>A long text: a value of 1 kB to 1 MB.</summary>
    public static string Long(Random random) => string.Concat(Enumerable.Repeat(Pick(random, ["A", "9", "物", "📦", " "]), 1 << random.Next(10, 20)));
}
