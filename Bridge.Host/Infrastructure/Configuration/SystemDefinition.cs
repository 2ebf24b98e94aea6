namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>One external system from <c>config/systems.yaml</c>.</summary>
public sealed record SystemDefinition
{
    public required string Id { get; init; }
    public string? Description { get; init; }
    /// <summary>Base URL Bridge calls for outbound messages (HTTP); null when Bridge never calls the system.</summary>
    public Uri? BaseUrl { get; init; }
    /// <summary>Environment variable holding the key the system presents in <c>X-Api-Key</c>.</summary>
    public string? ApiKeyEnv { get; init; }
    /// <summary>Canonical message types (names) Bridge sends to this system.</summary>
    public IReadOnlySet<string> Receives { get; init; } = new HashSet<string>();
    /// <summary>Warehouses this system runs; pick orders for them go here.</summary>
    public IReadOnlySet<string> Warehouses { get; init; } = new HashSet<string>();
}
