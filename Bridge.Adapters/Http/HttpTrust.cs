using Bridge.Adapters.Http.Requests;

namespace Bridge.Adapters.Http;

/// <summary>
/// How the outbound call to one system checks the server's certificate, from the system's <c>send</c> settings:
/// <c>caFile</c> (PEM; the chain must end at one of its certificates instead of the machine's roots) and
/// <c>tlsVerify: false</c> (no check at all — only per system, and the host logs it at every start).
/// </summary>
public sealed record HttpTrust(string? CaFile, bool Verify)
{
    public const string CaFileSetting = "caFile";
    public const string VerifySetting = "tlsVerify";

    public static readonly HttpTrust Default = new(null, true);

    public static HttpTrust From(IReadOnlyDictionary<string, string> endpoint, string system)
    {
        var caFile = endpoint.TryGetValue(CaFileSetting, out var file) && file.Length > 0 ? file : null;
        var verify = !endpoint.TryGetValue(VerifySetting, out var text) || text.Length == 0 || (bool.TryParse(text, out var value)
            ? value
            : throw HttpAdapterException.Refused($"system '{system}': {VerifySetting} must be true or false, not '{HeaderValues.Printable(text)}'"));
        return caFile is null && verify ? Default : new HttpTrust(caFile, verify);
    }
}
