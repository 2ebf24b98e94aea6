namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>Where a request waiting for transfers stands after a transfer's report.</summary>
public abstract record TransferOutcome
{
    private TransferOutcome()
    {
    }

    /// <summary>Transfers are still on their way; <paramref name="Issue"/> are new ones (a re-sourcing) to order now.</summary>
    public sealed record Pending(IReadOnlyList<TransferTrack> Issue) : TransferOutcome;

    /// <summary>Every transfer arrived: the picks can be issued.</summary>
    public sealed record Ready(IReadOnlyList<PickOrderTrack> Picks) : TransferOutcome;

    /// <summary>A transfer failed and could not be sourced again.</summary>
    public sealed record Short(string Reason) : TransferOutcome;
}
