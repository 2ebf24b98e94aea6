using System.Security.Cryptography.X509Certificates;

namespace Bridge.Adapters.OpcUa.Stack.Client;

/// <summary>Which endpoint security Bridge accepts and where its certificates live.</summary>
public sealed record ClientSecurityOptions
{
    /// <summary>"None", "Best" (the most secure policy the server offers) or a policy: Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss.</summary>
    /// <value>Default "None".</value>
    public string Policy { get; init; } = "None";

    /// <summary>"Best" (SignAndEncrypt before Sign), "Sign" or "SignAndEncrypt"; ignored for policy None.</summary>
    /// <value>Default "Best".</value>
    public string Mode { get; init; } = "Best";

    /// <summary>The PKI folder (own/, trusted/, issuers/, rejected/); needed for every policy but None.</summary>
    /// <value>Default "pki".</value>
    public string PkiDir { get; init; } = "pki";

    /// <summary>Bridge's application certificate with its key; loaded from or created in <see cref="PkiDir"/> when null.</summary>
    public X509Certificate2? ApplicationCertificate { get; init; }

    public bool IsNone => string.Equals(Policy, "None", StringComparison.OrdinalIgnoreCase);
}
