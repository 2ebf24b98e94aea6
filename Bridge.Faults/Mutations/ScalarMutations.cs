using System.Text;

namespace Bridge.Faults.Mutations;

/// <summary>A bare value (an MQTT sensor's number) replaced by another type, an extreme number, hostile text.</summary>
public static class ScalarMutations
{
    public static IEnumerable<Mutation> All { get; } =
    [
        new("scalar-wrong-type", Mutation.Only("scalar"), (r, _) => Utf8(HostileValues.Pick(r, HostileValues.WrongTypes))),
        new("scalar-extreme-number", Mutation.Only("scalar"), (r, _) => Utf8(HostileValues.Pick(r, HostileValues.Numbers))),
        new("scalar-unicode", Mutation.Only("scalar"), (r, s) => Utf8(HostileValues.Pick(r, HostileValues.Unicode) + Encoding.UTF8.GetString(s.Sample))),
        new("scalar-control", Mutation.Only("scalar"), (r, s) => Utf8(Encoding.UTF8.GetString(s.Sample) + HostileValues.Pick(r, HostileValues.Controls))),
        new("scalar-long", Mutation.Only("scalar"), (r, _) => Utf8(HostileValues.Long(r))),
        new("scalar-padded", Mutation.Only("scalar"), (r, s) => Utf8(HostileValues.Pick(r, [" ", "\t", "\r\n", "\u00A0"]) + Encoding.UTF8.GetString(s.Sample) + " ")),
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
