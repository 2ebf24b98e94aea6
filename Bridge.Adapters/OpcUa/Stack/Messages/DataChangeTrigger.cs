namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Which changes of a value cause a notification (Part 4, 7.22.2).</summary>
public enum DataChangeTrigger
{
    Status = 0,
    StatusValue = 1,
    StatusValueTimestamp = 2,
}
