namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>The raw phase's trivial message: an id and a body padded to the size of the host's messages.</summary>
public sealed record RawMessage(Guid Id, string Body);
