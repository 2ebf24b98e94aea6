using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// A 32-bit OPC UA status code: severity in the top two bits, the code in the upper 16 bits, info bits below.
/// Carries its symbolic name so logs and envelopes say "BadNodeIdUnknown", not 0x80340000.
/// </summary>
public readonly record struct StatusCode(uint Code)
{
    private static readonly FrozenDictionary<uint, string> Names = typeof(StatusCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(uint))
        .GroupBy(f => (uint)f.GetRawConstantValue()!)
        .ToFrozenDictionary(g => g.Key, g => g.First().Name);

    public static readonly StatusCode Good = new(StatusCodes.Good);

    public bool IsGood => (Code & 0xC0000000) == 0;

    public bool IsUncertain => (Code & 0xC0000000) == 0x40000000;

    public bool IsBad => (Code & 0x80000000) != 0;

    /// <summary>The symbolic name of the code part (info bits ignored), or its hex value when the code is unknown.</summary>
    public string Name =>
        Names.TryGetValue(Code, out var exact) ? exact
        : Names.TryGetValue(Code & 0xFFFF0000, out var name) ? name
        : "0x" + Code.ToString("X8", CultureInfo.InvariantCulture);

    public static bool TryParseName(string name, out StatusCode code)
    {
        var field = typeof(StatusCodes).GetField(name, BindingFlags.Public | BindingFlags.Static);
        code = field is null ? default : new StatusCode((uint)field.GetRawConstantValue()!);
        return field is not null;
    }

    public override string ToString() => Name;

    public static implicit operator StatusCode(uint code) => new(code);
}
