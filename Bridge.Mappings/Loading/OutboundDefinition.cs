using Bridge.Mappings.Documents;
using Bridge.Mappings.Output;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Loading;

/// <summary>Everything an outbound mapping file compiled to.</summary>
internal sealed record OutboundDefinition(
    string Name,
    string File,
    string System,
    Type Consumes,
    OutputFormat Format,
    EnvelopeTemplate Envelope,
    OutNode? Body,
    CsvOptions Csv,
    System.Text.Encoding Encoding,
    XmlBodyWriter? Xml,
    IReadOnlyList<(string Name, CompiledExpr Expr)> Variables,
    int VariableCount);
