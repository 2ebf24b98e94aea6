using Bridge.Mappings.Diagnostics;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>One external system from <c>config/systems.yaml</c>.</summary>
public sealed record SystemDefinition
{
    public required string Id { get; init; }
    /// <summary>Where the system is defined (its id in systems.yaml), for problems found after loading.</summary>
    public ConfigurationError? Definition { get; init; }
    public string? Description { get; init; }
    /// <summary>How Bridge sends to the system; null when Bridge never sends to it.</summary>
    public AdapterBinding? Outbound { get; init; }
    /// <summary>How Bridge hears from the system; HTTP (instance <c>default</c>) unless systems.yaml says otherwise.</summary>
    public required AdapterBinding Inbound { get; init; }
    /// <summary>Base URL of an HTTP send binding (<c>send.baseUrl</c>, or the <c>baseUrl</c> shorthand for http:default).</summary>
    public Uri? BaseUrl => Outbound?.Settings.GetValueOrDefault("baseUrl") is { } url ? new Uri(url) : null;
    /// <summary>Environment variable holding the key the system presents in <c>X-Api-Key</c>.</summary>
    public string? ApiKeyEnv { get; init; }
    /// <summary>Canonical message types (names) Bridge sends to this system.</summary>
    public IReadOnlySet<string> Receives { get; init; } = new HashSet<string>();
    /// <summary>Inbound message types (the <c>{messageType}</c> the system posts) it may send; null: any. Others get 403.</summary>
    public IReadOnlySet<string>? Accepts { get; init; }
    /// <summary>Warehouses this system runs; messages addressed to a warehouse go here.</summary>
    public IReadOnlySet<string> Warehouses { get; init; } = new HashSet<string>();
}
