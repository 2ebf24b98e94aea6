using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.Security;

namespace Bridge.Adapters.OpcUa.Stack.Client;

/// <summary>Picks the endpoint the configuration allows: the configured policy and mode, or the most secure one offered.</summary>
public static class EndpointSelection
{
    public static (EndpointDescription Endpoint, SecurityAlgorithms Algorithms) Select(IReadOnlyList<EndpointDescription> offered, ClientSecurityOptions security, string url)
    {
        var wantedPolicy = string.Equals(security.Policy, "Best", StringComparison.OrdinalIgnoreCase) ? null : SecurityAlgorithms.ByName(security.Policy)
            ?? throw new OpcUaException(new StatusCode(StatusCodes.BadSecurityPolicyRejected), $"Unknown security policy '{security.Policy}' (None, Best, {string.Join(", ", SecurityAlgorithms.All.Select(a => a.ShortName))})");
        MessageSecurityMode? wantedMode = security.Mode.ToUpperInvariant() switch
        {
            "BEST" => null,
            "SIGN" => MessageSecurityMode.Sign,
            "SIGNANDENCRYPT" => MessageSecurityMode.SignAndEncrypt,
            _ => throw new OpcUaException(new StatusCode(StatusCodes.BadSecurityModeRejected), $"Unknown security mode '{security.Mode}' (Best, Sign, SignAndEncrypt)"),
        };
        var best = offered
            .Select(e => (Endpoint: e, Algorithms: SecurityAlgorithms.ByUri(e.SecurityPolicyUri)))
            .Where(c => c.Algorithms is not null && c.Endpoint.ServerCertificate is { Length: > 0 })
            .Where(c => wantedPolicy is null || c.Algorithms == wantedPolicy)
            .Where(c => wantedMode is null ? c.Endpoint.SecurityMode is MessageSecurityMode.Sign or MessageSecurityMode.SignAndEncrypt : c.Endpoint.SecurityMode == wantedMode)
            .OrderByDescending(c => c.Endpoint.SecurityMode)
            .ThenByDescending(c => c.Algorithms!.Strength)
            .ThenByDescending(c => c.Endpoint.SecurityLevel)
            .FirstOrDefault();
        if (best.Endpoint is null)
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadSecurityPolicyRejected),
                $"{url} offers no endpoint with SecurityPolicy {security.Policy} and mode {security.Mode}; it offers: {Describe(offered)}");
        }
        return (best.Endpoint, best.Algorithms!);
    }

    public static string Describe(IEnumerable<EndpointDescription> endpoints) =>
        string.Join(", ", endpoints.Select(e => $"{e.SecurityPolicyUri?.Split('#').Last()}/{e.SecurityMode}").Distinct());
}
