using System.Text;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;

namespace Bridge.Adapters.OpcUa.Stack.Session;

/// <summary>Builds the UserIdentityToken for ActivateSession from the endpoint's user token policies.</summary>
internal static class IdentityTokens
{
    public static ExtensionObject Create(UserIdentity identity, EndpointDescription endpoint, byte[]? serverNonce, byte[]? serverCertificate)
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
