namespace Bridge.Host.Operations.Metrics;

/// <summary>An outbound system as the audit trail shows it today: no traffic, last send delivered, last send failed.</summary>
public enum SystemHealth
{
    Idle,
    Ok,
    Failing,
}
