namespace Bridge.Adapters.OpcUa.Stack.Session;

/// <summary>Who the session acts as: anonymous, a user name with a password, or a user certificate.</summary>
public abstract record UserIdentity
{
    public static readonly UserIdentity Anonymous = new AnonymousIdentity();

    public static UserIdentity FromUserName(string userName, string password) => new UserNameIdentity(userName, password);

    public static UserIdentity FromCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) => new X509Identity(certificate);
}
