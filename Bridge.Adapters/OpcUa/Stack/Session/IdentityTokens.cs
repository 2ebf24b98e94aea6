using System.Security.Cryptography.X509Certificates;
using System.Text;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Security;

namespace Bridge.Adapters.OpcUa.Stack.Session;

/// <summary>Builds the UserIdentityToken for ActivateSession from the endpoint's user token policies.</summary>
internal static class IdentityTokens
{
    /// <summary>The token and, for a user certificate, the UserTokenSignature over the server certificate and nonce.</summary>
    public static (ExtensionObject Token, SignatureData Signature) Create(UserIdentity identity, EndpointDescription endpoint, byte[]? serverNonce, byte[]? serverCertificate)
    {
        if (identity is X509Identity x509)
        {
            var certificatePolicy = FindPolicy(endpoint, UserTokenType.Certificate, _ => true);
            var algorithms = SecurityAlgorithms.ByUri(TokenPolicyUri(certificatePolicy, endpoint)) ?? SecurityAlgorithms.Basic256Sha256;
            using var key = x509.Certificate.GetRSAPrivateKey()
                ?? throw new OpcUaException(new StatusCode(StatusCodes.BadIdentityTokenInvalid), $"User certificate '{x509.Certificate.Subject}' has no RSA private key");
            byte[] data = [.. serverCertificate ?? [], .. serverNonce ?? []];
            var signature = new SignatureData { Algorithm = algorithms.AsymmetricSignatureUri, Signature = algorithms.Sign(key, data) };
            return (ExtensionObject.FromEncodeable(new X509IdentityToken { PolicyId = certificatePolicy.PolicyId, CertificateData = x509.Certificate.RawData }), signature);
        }
        return (Token(identity, endpoint, serverNonce, serverCertificate), new SignatureData());
    }

    private static ExtensionObject Token(UserIdentity identity, EndpointDescription endpoint, byte[]? serverNonce, byte[]? serverCertificate)
    {
        switch (identity)
        {
            case AnonymousIdentity:
                var anonymous = FindPolicy(endpoint, UserTokenType.Anonymous, _ => true);
                return ExtensionObject.FromEncodeable(new AnonymousIdentityToken { PolicyId = anonymous.PolicyId });
            case UserNameIdentity user:
                // Prefer a policy that needs no encryption (or the channel's own), then one we can encrypt for.
                var policy = FindPolicy(endpoint, UserTokenType.UserName, p => SecurityPolicyUris.IsNone(TokenPolicyUri(p, endpoint)), p => true);
                var policyUri = TokenPolicyUri(policy, endpoint);
                var password = Encoding.UTF8.GetBytes(user.Password);
                var token = SecurityPolicyUris.IsNone(policyUri)
                    ? new UserNameIdentityToken { PolicyId = policy.PolicyId, UserName = user.UserName, Password = password }
                    : Encrypted(policy, policyUri!, user, password, serverNonce, serverCertificate);
                return ExtensionObject.FromEncodeable(token);
            default:
                throw new OpcUaException(new StatusCode(StatusCodes.BadIdentityTokenInvalid), $"Unsupported identity {identity.GetType().Name}");
        }
    }

    private static UserNameIdentityToken Encrypted(UserTokenPolicy policy, string policyUri, UserNameIdentity user, byte[] password, byte[]? nonce, byte[]? certificate)
    {
        var (secret, algorithm) = PasswordEncryption.Encrypt(policyUri, password, nonce, certificate);
        return new UserNameIdentityToken { PolicyId = policy.PolicyId, UserName = user.UserName, Password = secret, EncryptionAlgorithm = algorithm };
    }

    private static string? TokenPolicyUri(UserTokenPolicy policy, EndpointDescription endpoint) =>
        string.IsNullOrEmpty(policy.SecurityPolicyUri) ? endpoint.SecurityPolicyUri : policy.SecurityPolicyUri;

    private static UserTokenPolicy FindPolicy(EndpointDescription endpoint, UserTokenType type, params Func<UserTokenPolicy, bool>[] preferences)
    {
        foreach (var preference in preferences)
        {
            var match = endpoint.UserIdentityTokens.FirstOrDefault(p => p.TokenType == type && preference(p));
            if (match is not null)
            {
                return match;
            }
        }
        throw new OpcUaException(new StatusCode(StatusCodes.BadIdentityTokenRejected), $"Endpoint {endpoint.EndpointUrl} accepts no {type} token");
    }
}
