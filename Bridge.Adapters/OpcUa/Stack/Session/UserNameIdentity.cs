namespace Bridge.Adapters.OpcUa.Stack.Session;

/// <summary>A user name and password; the password never appears in <see cref="ToString"/>.</summary>
public sealed record UserNameIdentity(string UserName, string Password) : UserIdentity
{
    public override string ToString() => $"user '{UserName}'";
}
