namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// The publish-and-consume peer's message: as <see cref="RawMessage"/>, a type of its own so that its exchange routes
/// to that peer's queue alone (the consume-only peer's queue stays bound to <see cref="RawMessage"/>'s exchange).
/// </summary>
public sealed record RawPublished(Guid Id, string Body);
