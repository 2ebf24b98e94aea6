namespace Bridge.Adapters.OpcUa.Stack.Session;

/// <summary>Who the session acts as: anonymous or a user name with a password.</summary>
public abstract record UserIdentity
{
    public static readonly UserIdentity Anonymous = new AnonymousIdentity();

    public static UserIdentity FromUserName(string userName, string password) => new UserNameIdentity(userName, password);
}
