namespace Bridge.Host.Processes.Transfers;

/// <summary>Timeouts of the transfer saga (section <c>Bridge:Transfers</c>).</summary>
public sealed class TransferSettings
{
    public const string Section = "Bridge:Transfers";

    /// <summary>
    /// How long the TMS has to deliver after the order and after each progress report (dispatched, in transit) before
    /// the transfer counts as failed. Default 12 hours.
    /// </summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromHours(12);
}
