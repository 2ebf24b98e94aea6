namespace Bridge.Adapters.OpcUa.Devices;

/// <summary>Device configuration that cannot be used; <see cref="Problems"/> lists every problem with its file.</summary>
public sealed class OpcUaAdapterException(IReadOnlyList<string> problems)
    : Exception("Invalid OPC UA device configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
