namespace Bridge.Mappings.Output;

internal enum OutputFormat
{
    Json,
    Xml,
    Csv,
}
