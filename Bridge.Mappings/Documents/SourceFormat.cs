namespace Bridge.Mappings.Documents;

/// <summary>The shape of what paths walk: the inbound payload, or the canonical message for outbound mappings.</summary>
internal enum SourceFormat
{
    Json,
    Xml,
    Csv,
    Scalar,
    Canonical,
}
