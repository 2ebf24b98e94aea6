using System.Text;

namespace Bridge.Faults.Mutations;

/// <summary>Breakages of the bytes, whatever the format: cut, emptied, badly encoded, control characters, doubled.</summary>
public static class ByteMutations
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0xC3, 0x28], [0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x92], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
    ];

    public static IEnumerable<Mutation> All { get; } =
    [
        new("truncated", Mutation.Any, (r, s) => s.Sample[..r.Next(s.Sample.Length)]),
        new("empty", Mutation.Any, (r, _) => Encoding.UTF8.GetBytes(HostileValues.Pick(r, ["", " ", "\r\n", "\t \n", "\0", "\uFEFF"]))),
        new("invalid-utf8", Mutation.Any, (r, s) => Insert(r, s.Sample, HostileValues.Pick(r, InvalidUtf8))),
        new("utf16-bom", Mutation.Any, (r, s) => Reencode(s.Sample, r.Next(2) == 0 ? new UnicodeEncoding(false, true) : new UnicodeEncoding(true, true))),
        new("utf32", Mutation.Any, (_, s) => Reencode(s.Sample, new UTF32Encoding(false, true))),
        new("utf8-bom", Mutation.Any, (_, s) => [0xEF, 0xBB, 0xBF, .. s.Sample]),
        new("latin1", Mutation.Any, (r, s) => Encoding.Latin1.GetBytes(WithUnicode(r, Encoding.UTF8.GetString(s.Sample)))),
        new("control-bytes", Mutation.Any, (r, s) => Insert(r, s.Sample, Encoding.UTF8.GetBytes(HostileValues.Pick(r, HostileValues.Controls)))),
        new("random-bytes", Mutation.Any, (r, s) => Flip(r, s.Sample)),
        new("doubled", Mutation.Any, (_, s) => [.. s.Sample, .. s.Sample]),
    ];

    public static byte[] Insert(Random random, byte[] sample, byte[] inserted)
    {
        var at = random.Next(sample.Length + 1);
        return [.. sample.AsSpan(0, at), .. inserted, .. sample.AsSpan(at)];
    }

    private static byte[] Reencode(byte[] sample, Encoding encoding) => [.. encoding.GetPreamble(), .. encoding.GetBytes(Encoding.UTF8.GetString(sample))];

    private static string WithUnicode(Random random, string text)
    {
        var at = random.Next(text.Length + 1);
        return text[..at] + HostileValues.Pick(random, ["Grüße", "Qualitätsprüfung", "ß", "é", "ÿ", "°C", "µm"]) + text[at..];
    }

    private static byte[] Flip(Random random, byte[] sample)
    {
        var copy = sample.ToArray();
        for (var i = random.Next(1, 8); i > 0 && copy.Length > 0; i--) copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }
}
