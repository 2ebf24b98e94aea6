using Bridge.Adapters.Envelopes;
using Bridge.Mappings.Diagnostics;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>
/// By which adapter instance Bridge reaches a system (<c>send:</c>) or hears from it (<c>receive:</c>) in
/// systems.yaml, with that instance's per-system settings (for HTTP: <c>baseUrl</c>) and where it was written.
/// </summary>
public sealed record AdapterBinding(string Adapter, string Instance, IReadOnlyDictionary<string, string> Settings, ConfigurationError Location)
{
    public const string Http = "http";
    public const string DefaultInstance = "default";

    public string Key => AdapterKey.For(Adapter, Instance);

    public static AdapterBinding HttpDefault(ConfigurationError location, IReadOnlyDictionary<string, string>? settings = null) =>
        new(Http, DefaultInstance, settings ?? new Dictionary<string, string>(StringComparer.Ordinal), location);
}
