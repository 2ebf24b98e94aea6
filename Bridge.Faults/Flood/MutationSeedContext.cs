using Bridge.Faults.Mutations;

namespace Bridge.Faults.Flood;

/// <summary>A seed and the number that makes each of its payloads unique where the system's protocol needs it (an AMQP reading id).</summary>
public sealed record MutationSeedContext(MutationSeed Seed, int RunSeed)
{
    public string Describe(MutatedPayload payload) => $"{Seed.Mapping} #{payload.Index} ({payload.Kind}, seed {RunSeed})";
}
