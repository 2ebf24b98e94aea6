using System.Text;

namespace Bridge.Faults.Mutations;

/// <summary>Documents nested 10,000 to 500,000 levels deep: arrays, objects and elements, closed or left open.</summary>
public static class NestingMutations
{
    public const int MinDepth = 10_000;
    public const int MaxDepth = 500_000;

    public static IEnumerable<Mutation> All { get; } =
    [
        new("deep-json-arrays", Mutation.Any, (r, _) => Nested(Depth(r), "[", "]", r.Next(4) == 0)),
        new("deep-json-objects", Mutation.Any, (r, _) => Nested(Depth(r), "{\"a\":", "}", r.Next(4) == 0, "1")),
        new("deep-xml", Mutation.Any, (r, _) => Nested(Depth(r), "<a>", "</a>", r.Next(4) == 0)),
        new("deep-in-sample", Mutation.Only("json"), (r, s) => ByteMutations.Insert(r, s.Sample, Nested(Depth(r) / 10, "[", "]", false))),
    ];

    private static int Depth(Random random) => random.Next(MinDepth, MaxDepth + 1);

    private static byte[] Nested(int depth, string open, string close, bool leaveOpen, string inner = "")
    {
        var text = new StringBuilder(depth * (open.Length + close.Length) + inner.Length);
        text.Insert(0, open, depth).Append(inner);
        if (!leaveOpen) text.Insert(text.Length, close, depth);
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
