namespace Bridge.Host.Hosting;

/// <summary>Where the host's YAML configuration was loaded from.</summary>
public sealed record BridgeConfigurationInfo(string Directory);
