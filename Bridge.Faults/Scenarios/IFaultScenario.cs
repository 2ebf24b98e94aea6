namespace Bridge.Faults.Scenarios;

/// <summary>One row of the fault suite: drives a bounded load, injects one fault, counts what arrived.</summary>
public interface IFaultScenario
{
    /// <summary>R1, R2, … — what `./faults.sh R3` selects.</summary>
    string Id { get; }

    /// <summary>Runs to the end by itself (bounded in count and time) and reports what the receivers counted.</summary>
    Task<FaultRow> RunAsync(FaultRun run, CancellationToken cancellationToken);
}
