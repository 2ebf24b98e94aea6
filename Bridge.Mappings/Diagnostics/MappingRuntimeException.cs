namespace Bridge.Mappings.Diagnostics;

/// <summary>A value could not be mapped: names the field, the source path and the offending value.</summary>
public sealed class MappingRuntimeException : Exception
{
    public MappingRuntimeException(string message, string? sourcePath = null, string? value = null, string? field = null, string? mapping = null)
        : base(message)
    {
        SourcePath = sourcePath;
        Value = value;
        Field = field;
        Mapping = mapping;
    }

    public string? SourcePath { get; }
    public string? Value { get; }
    public string? Field { get; }
    public string? Mapping { get; }

    public RuntimeMappingError ToError(string mapping, string field) =>
        new(Mapping ?? mapping, Field ?? field, SourcePath, Value, Message);

    public override string ToString() => ToError(Mapping ?? "?", Field ?? "?").ToString();
}
