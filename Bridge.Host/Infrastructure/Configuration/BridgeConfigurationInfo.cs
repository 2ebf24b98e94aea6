namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>Where the host's YAML configuration was loaded from.</summary>
public sealed record BridgeConfigurationInfo(string Directory);
