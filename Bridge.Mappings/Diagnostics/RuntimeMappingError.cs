namespace Bridge.Mappings.Diagnostics;

/// <summary>
/// Why one payload could not be mapped: the mapping, the canonical field, the source item it was mapped from
/// (<c>/ProductionSchedule/ProductionRequest[17]/…</c>, <c>$.components[3]</c>, <c>row 7</c>), the source expression
/// and the offending value (escaped and shortened).
/// </summary>
public sealed record RuntimeMappingError(string Mapping, string Field, string? SourcePath, string? Value, string Message, string? Item = null)
{
    public override string ToString() =>
        $"mapping '{Mapping}', field '{Field}'" +
        (Item is null ? "" : $", item '{Item}'") +
        (SourcePath is null ? "" : $", source '{SourcePath}'") +
        (Value is null ? "" : $", value '{Value}'") +
        $": {Message}";
}
