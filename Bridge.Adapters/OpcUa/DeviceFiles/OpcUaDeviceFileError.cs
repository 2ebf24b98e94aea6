namespace Bridge.Adapters.OpcUa.DeviceFiles;

/// <summary>One problem of a device file, where it is: <c>file:line:column: message</c> (line and column from 1).</summary>
public sealed record OpcUaDeviceFileError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
