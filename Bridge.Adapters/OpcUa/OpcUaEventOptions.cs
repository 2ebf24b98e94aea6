namespace Bridge.Adapters.OpcUa;

/// <summary>
/// An event subscription: the events (alarms and conditions among them) of an event notifier, the fields to
/// report, and the inbound message type they feed (a mapping that produces, typically, DeviceAlarmRaised).
/// </summary>
public sealed class OpcUaEventOptions
{
    /// <summary>The fields reported when <see cref="Select"/> is empty: BaseEventType's and an alarm's state.</summary>
    public static readonly IReadOnlyList<string> DefaultSelect =
        ["EventId", "EventType", "SourceNode", "SourceName", "Time", "Message", "Severity", "ConditionName", "ActiveState/Id", "AckedState/Id", "Retain"];

    /// <summary>The entry's name within the device; unique among events; carried as metadata <c>key</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>The event notifier by id; with neither this nor <see cref="BrowsePath"/>, the Server object (i=2253), which sees every event.</summary>
    public string? NodeId { get; set; }

    /// <summary>The event notifier by browse path from the Root folder (<c>/Objects/2:Line1/2:Tank</c>).</summary>
    public string? BrowsePath { get; set; }

    /// <summary>The envelope's message type, i.e. which inbound mapping of the system receives the events.</summary>
    public string MessageType { get; set; } = "";

    /// <summary>
    /// The select clauses: browse paths from BaseEventType (<c>Message</c>, <c>ActiveState/Id</c>, <c>2:Batch</c>).
    /// Each becomes a field of the JSON body, nested by path (<c>ActiveState.Id</c>); a field the event does not have is null.
    /// Default <see cref="DefaultSelect"/>.
    /// </summary>
    public List<string> Select { get; set; } = [];

    /// <summary>Extra metadata for the mapping, e.g. <c>location</c>, <c>line</c>.</summary>
    public Dictionary<string, string> Metadata { get; set; } = [];

    internal IReadOnlyList<string> Fields => Select.Count > 0 ? Select : DefaultSelect;
}
