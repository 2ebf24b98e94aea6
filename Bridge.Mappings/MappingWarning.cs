namespace Bridge.Mappings;

/// <summary>
/// A message was mapped, but with a fallback the mapping asked to be told about (<c>fallback(x, default)</c>) or a
/// guess (a date-only value read as midnight): which message, which source item, what happened.
/// </summary>
public sealed record MappingWarning(string Mapping, int MessageIndex, string? Item, string Message)
{
    public override string ToString() => $"mapping '{Mapping}', message {MessageIndex}" + (Item is null ? "" : $", item '{Item}'") + $": {Message}";
}
