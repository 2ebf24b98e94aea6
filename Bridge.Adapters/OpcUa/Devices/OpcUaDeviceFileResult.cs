namespace Bridge.Adapters.OpcUa.Devices;

/// <summary>A loaded device file: its name (the file name), the options when valid, and every problem found.</summary>
public sealed record OpcUaDeviceFileResult(string Name, OpcUaAdapterOptions? Options, IReadOnlyList<string> Errors);
