using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.LineSide;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// Turns the canonical messages that feed line-side locations into signals in the location's unit: a counter delta
/// (pieces, bins, kanban cards), a bin reading (the location's unit, <c>%</c> of max, a weight by the unit weight, full
/// bins), material received (a fulfilment, a delivery of the location's material).
/// </summary>
public sealed class LineSideSignalReader(LineSideCatalog catalog)
{
    /// <summary>The configured locations the signals are read for.</summary>
    public LineSideCatalog Catalog => catalog;

    public SignalReading Read(LineSideConsumptionReported message)
    {
        if (catalog.Find(message.Location) is not { } location)
            return new SignalReading.Rejected($"no line-side location '{message.Location}' in line-side.yaml");
        if (!string.Equals(message.Material, location.Material, StringComparison.OrdinalIgnoreCase))
            return new SignalReading.Rejected($"location '{location.Id}' holds {location.Material}, not {message.Material}");
        if (message.Quantity < 0)
            return new SignalReading.Rejected($"consumption at '{location.Id}' is negative ({message.Quantity}); a counter reset is not consumption");
        var detail = $"consumed {message.Quantity} {message.Unit}";
        if (IsUnit(message.Unit, "card") && location.Mode == LineSideMode.Kanban)
            return Signal(location, message, LineSideSignalKind.Card, message.Quantity, detail);
        if (IsUnit(message.Unit, "bin") && location.BinQuantity is { } bin)
            return Signal(location, message, LineSideSignalKind.Consumption, message.Quantity * bin, detail);
        if (string.Equals(message.Unit, location.Unit, StringComparison.OrdinalIgnoreCase))
            return Signal(location, message, LineSideSignalKind.Consumption, message.Quantity, detail);
        return new SignalReading.Rejected($"consumption at '{location.Id}' in '{message.Unit}' cannot be counted in {location.Unit}");
    }

    public SignalReading Read(BinLevelReported message)
    {
        if (catalog.Find(message.Location) is not { } location)
            return new SignalReading.Rejected($"no line-side location '{message.Location}' in line-side.yaml");
        if (message.Material is { Length: > 0 } material && !string.Equals(material, location.Material, StringComparison.OrdinalIgnoreCase))
            return new SignalReading.Rejected($"location '{location.Id}' holds {location.Material}, not {material}");
        if (message.Value < 0)
            return new SignalReading.Rejected($"bin level at '{location.Id}' is negative ({message.Value})");
        var unit = message.Unit.Trim();
        decimal? quantity = unit switch
        {
            "%" => Math.Round(message.Value / 100m * location.Max, 3),
            _ when string.Equals(unit, location.Unit, StringComparison.OrdinalIgnoreCase) => message.Value,
            _ when IsUnit(unit, "bin") && location.BinQuantity is { } bin => message.Value * bin,
            _ when string.Equals(unit, "kg", StringComparison.OrdinalIgnoreCase) && location.UnitWeightKg is { } weight => Math.Floor(message.Value / weight),
            _ when string.Equals(unit, "g", StringComparison.OrdinalIgnoreCase) && location.UnitWeightKg is { } weight => Math.Floor(message.Value / 1000m / weight),
            _ => null,
        };
        return quantity is { } q
            ? Signal(location, message, LineSideSignalKind.Reading, q, $"read {message.Value} {unit}")
            : new SignalReading.Rejected($"a reading in '{unit}' cannot be turned into {location.Unit} at '{location.Id}'"
                + (unit is "kg" or "g" ? " (no unitWeight configured)" : ""));
    }

    public SignalReading Read(ReplenishmentFulfilled message)
    {
        if (catalog.Find(message.Location) is not { } location)
            return new SignalReading.Rejected($"no line-side location '{message.Location}' in line-side.yaml");
        return Signal(location, message, LineSideSignalKind.Receipt, Received(location, message.Lines), $"fulfilled {message.ReplenishmentId}");
    }

    public SignalReading Read(MaterialDelivered message)
    {
        if (catalog.Find(message.Location) is not { } location)
            return new SignalReading.NotLineSide();
        var quantity = Received(location, message.Lines);
        return quantity > 0
            ? Signal(location, message, LineSideSignalKind.Receipt, quantity, $"delivered for material request {message.RequestId}")
            : new SignalReading.NotLineSide();
    }

    private static decimal Received(LineSideLocation location, IReadOnlyList<MaterialLine> lines) =>
        lines.Where(l => string.Equals(l.Material, location.Material, StringComparison.OrdinalIgnoreCase)
                && string.Equals(l.Unit, location.Unit, StringComparison.OrdinalIgnoreCase))
            .Sum(l => l.Quantity);

    private static SignalReading.Signal Signal(LineSideLocation location, Bridge.Contracts.CanonicalMessage message, LineSideSignalKind kind, decimal quantity, string detail) =>
        new(location, new LineSideSignal(message.MessageId, kind, quantity, message.OccurredAt, message.Source, detail));

    private static bool IsUnit(string unit, string name) =>
        string.Equals(unit, name, StringComparison.OrdinalIgnoreCase) || string.Equals(unit, name + "s", StringComparison.OrdinalIgnoreCase);
}
