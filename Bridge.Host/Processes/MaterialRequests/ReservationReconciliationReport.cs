namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>What one reconciliation run found: how many reservations it looked at and which it released, with why.</summary>
public sealed record ReservationReconciliationReport(int Checked, IReadOnlyList<(string RequestId, string Reason)> Released);
