using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>
/// OPC UA → bus: a device reported an alarm or condition event (raised, changed or cleared — see
/// <see cref="Active"/>). Produced by a mapping from an OPC UA event subscription.
/// </summary>
[MessageUrn("bridge:DeviceAlarmRaised:v1", false)]
[EntityName("bridge.device-alarm-raised")]
public sealed record DeviceAlarmRaised : CanonicalMessage
{
    /// <summary>The device (config/devices file name) whose server reported the event.</summary>
    public required string Device { get; init; }
    /// <summary>What the alarm is about: the event's SourceName (a tank, a station).</summary>
    public required string SourceName { get; init; }
    /// <summary>The condition's name (HighLevel); null for a plain event.</summary>
    public string? ConditionName { get; init; }
    public required string Message { get; init; }
    /// <summary>OPC UA severity, 1 (least) to 1000 (most urgent).</summary>
    public required int Severity { get; init; }
    /// <summary>Whether the alarm is active (ActiveState/Id); null for a plain event.</summary>
    public bool? Active { get; init; }
    /// <summary>Where on the shop floor, when the device file says so.</summary>
    public string? Location { get; init; }
}
