namespace Bridge.Faults.Mutations;

/// <summary>One broken payload: which mutation made it (for the report) and the bytes to send.</summary>
/// <param name="Index">Its number in the seed's sequence: the seed, the mapping and this index reproduce it.</param>
public sealed record MutatedPayload(int Index, string Kind, byte[] Body, string ContentType);
