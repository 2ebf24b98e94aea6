using Bridge.Contracts.Messages;

namespace Bridge.Host.Processes.Production;

/// <summary>The messages a production report makes for ERP, with ids derived from the report.</summary>
public sealed class ProductionPostings(TimeProvider time)
{
    /// <summary>The backflush of what the report consumed; null when it consumed nothing.</summary>
    public ConsumptionPosted? Consumption(ProductionPerformanceReported report, string? plant) =>
        report.Consumed.Count == 0 ? null : new ConsumptionPosted
        {
            MessageId = NameBasedId.Create($"bridge:production:{report.MessageId:N}:consumption"),
            CorrelationId = report.OrderId,
            Source = ProcessSource.Bridge,
            OccurredAt = report.OccurredAt == default ? time.GetUtcNow() : report.OccurredAt,
            OrderId = report.OrderId,
            Plant = plant,
            ReportId = report.MessageId.ToString(),
            Lines = report.Consumed,
        };

    /// <summary>The goods receipt of what the report produced; null when it produced nothing.</summary>
    public ProductionCompleted? Completion(ProductionPerformanceReported report, string? plant, string product) =>
        report.ProducedQuantity <= 0m ? null : new ProductionCompleted
        {
            MessageId = NameBasedId.Create($"bridge:production:{report.MessageId:N}:completion"),
            CorrelationId = report.OrderId,
            Source = ProcessSource.Bridge,
            OccurredAt = report.OccurredAt == default ? time.GetUtcNow() : report.OccurredAt,
            OrderId = report.OrderId,
            Plant = plant,
            ReportId = report.MessageId.ToString(),
            Material = product,
            Quantity = report.ProducedQuantity,
            Unit = report.Unit,
            Lot = report.ProducedLot,
        };
}
