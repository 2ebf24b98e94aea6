using System.Security.Cryptography.X509Certificates;

namespace Bridge.Adapters.OpcUa.Stack.Session;

/// <summary>A user certificate with its private key; the session signs the server's nonce with it.</summary>
public sealed record X509Identity(X509Certificate2 Certificate) : UserIdentity
{
    public override string ToString() => $"user certificate '{Certificate.Subject}'";
}
