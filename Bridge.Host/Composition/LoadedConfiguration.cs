using Bridge.Host.Infrastructure.Configuration;
using Bridge.Mappings;

namespace Bridge.Host.Composition;

/// <summary>What <see cref="BridgeConfigurationExtensions.AddBridgeConfiguration"/> loaded and checked at start.</summary>
public sealed record LoadedConfiguration(string Directory, IReadOnlyList<SystemDefinition> Systems, MappingSet Mappings);
