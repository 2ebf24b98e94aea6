namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Whether a monitored item samples and reports (Part 4, 7.23).</summary>
public enum MonitoringMode
{
    Disabled = 0,
    Sampling = 1,
    Reporting = 2,
}
