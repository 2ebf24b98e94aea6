namespace Bridge.Host.Infrastructure.Scheduling;

/// <summary>
/// The Hangfire job argument: a scheduled message already serialized by MassTransit, plus its envelope fields. Plain
/// strings so Hangfire's own serializer stores it unchanged in either storage.
/// </summary>
public sealed class ScheduledMessageData
{
    public string DestinationAddress { get; set; } = "";
    public string? ContentType { get; set; }
    public string Body { get; set; } = "";
    public string TokenId { get; set; } = "";
    public string? MessageId { get; set; }
    public string? CorrelationId { get; set; }
    public string? ConversationId { get; set; }
    public string? InitiatorId { get; set; }
    public string? RequestId { get; set; }
    public string? SourceAddress { get; set; }
    public string? ResponseAddress { get; set; }
    public string? FaultAddress { get; set; }
    public string? HeadersJson { get; set; }
}
