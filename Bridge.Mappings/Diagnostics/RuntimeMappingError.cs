namespace Bridge.Mappings.Diagnostics;

/// <summary>Why one payload could not be mapped: the mapping, the canonical field, the source path and the offending value.</summary>
public sealed record RuntimeMappingError(string Mapping, string Field, string? SourcePath, string? Value, string Message)
{
    public override string ToString() =>
        $"mapping '{Mapping}', field '{Field}'" +
        (SourcePath is null ? "" : $", source '{SourcePath}'") +
        (Value is null ? "" : $", value '{Value}'") +
        $": {Message}";
}
