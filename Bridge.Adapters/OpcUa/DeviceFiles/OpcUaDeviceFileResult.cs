namespace Bridge.Adapters.OpcUa.DeviceFiles;

/// <summary>A loaded device file: its name (the file name), the options when valid, and every problem found.</summary>
public sealed record OpcUaDeviceFileResult(string Name, OpcUaAdapterOptions? Options, IReadOnlyList<OpcUaDeviceFileError> Errors);
