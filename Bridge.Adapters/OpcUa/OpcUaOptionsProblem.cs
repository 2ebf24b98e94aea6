namespace Bridge.Adapters.OpcUa;

/// <summary>
/// One problem of a device's options. <see cref="Path"/> names the setting as it is written in YAML
/// (<c>endpointUrl</c>, <c>nodes[1].kind</c>, <c>writes[0]</c>; empty for the device as a whole), so a device file
/// can report the line and column.
/// </summary>
public sealed record OpcUaOptionsProblem(string Path, string Message);
