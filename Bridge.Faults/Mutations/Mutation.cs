namespace Bridge.Faults.Mutations;

/// <summary>One way of breaking a payload: its name in the report, the formats it fits, and the breaking itself.</summary>
public sealed record Mutation(string Kind, Func<string, bool> AppliesTo, Func<Random, MutationSeed, byte[]> Apply)
{
    public static Func<string, bool> Any { get; } = _ => true;

    public static Func<string, bool> Only(string format) => f => f.Equals(format, StringComparison.OrdinalIgnoreCase);
}
