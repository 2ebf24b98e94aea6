namespace Bridge.Host.Pipeline.Inbound;

public enum IngestOutcome
{
    /// <summary>Mapped and handed to the bus (or recognised as already accepted).</summary>
    Accepted,

    /// <summary>No inbound mapping for the system and message type; kept as a dead letter.</summary>
    NoMapping,

    /// <summary>The mapping failed; kept as a dead letter with the reasons.</summary>
    MappingFailed,
}
