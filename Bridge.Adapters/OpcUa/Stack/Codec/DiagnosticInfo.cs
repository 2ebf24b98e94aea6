namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>Vendor diagnostics for an operation (Part 4, 7.12); string fields are indexes into the response's string table.</summary>
public sealed record DiagnosticInfo
{
    public int? SymbolicId { get; init; }

    public int? NamespaceUri { get; init; }

    public int? Locale { get; init; }

    public int? LocalizedText { get; init; }

    public string? AdditionalInfo { get; init; }

    public StatusCode? InnerStatusCode { get; init; }

    public DiagnosticInfo? InnerDiagnosticInfo { get; init; }
}
