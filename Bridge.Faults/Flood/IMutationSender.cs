using Bridge.Faults.Mutations;

namespace Bridge.Faults.Flood;

/// <summary>Sends a mapping's mutated payloads to Bridge the way its system does (HTTP, MQTT, the SCADA's AMQP exchange).</summary>
public interface IMutationSender : IAsyncDisposable
{
    /// <summary>http, mqtt or amqp.</summary>
    string Protocol { get; }

    /// <summary>True when the answer says accepted or refused (HTTP); false when only the end count says (MQTT, AMQP).</summary>
    bool Answers { get; }

    Task SendAsync(MutationSeedContext seed, MutatedPayload payload, MutationTally tally, CancellationToken ct);
}
