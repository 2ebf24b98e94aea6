namespace Bridge.Host.Domain.Boms;

/// <summary>
/// One row of a bill of materials: <see cref="QuantityPer"/> of <see cref="Component"/> per one base unit of
/// <see cref="Parent"/>, plus scrap in percent; valid from/to (inclusive, open when null). <see cref="Origin"/> says
/// where the row came from (<c>bom.csv:12</c>, <c>BomPublished from erp</c>) for error messages.
/// </summary>
public sealed record BomComponent
{
    public required string Parent { get; init; }
    public required string Component { get; init; }
    public required decimal QuantityPer { get; init; }
    public required string Unit { get; init; }
    public decimal ScrapPercent { get; init; }
    public bool IsPhantom { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public string? Origin { get; init; }

    public bool IsValidOn(DateOnly day) => (ValidFrom is not { } from || from <= day) && (ValidTo is not { } to || day <= to);
}
