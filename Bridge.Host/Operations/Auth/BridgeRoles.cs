namespace Bridge.Host.Operations.Auth;

/// <summary>
/// The three kinds of callers. Systems post their own messages and write to their own devices; operators read
/// everything; administrators also replay, discard, write to devices and reload. An administrator is an operator too.
/// </summary>
public static class BridgeRoles
{
    public const string System = "bridge.system";
    public const string Operator = "bridge.operator";
    public const string Administrator = "bridge.administrator";

    /// <summary>Claim naming the system a system key belongs to.</summary>
    public const string SystemClaim = "bridge:system";
}
