namespace Bridge.Host.Domain.Stock;

/// <summary>
/// A quantity Bridge took out of a bin at a pick confirmation, as of the WMS's pick time, kept until the WMS reports the
/// bin as of a later time: a report older than the pick then still has it subtracted, a newer one already lacks it.
/// </summary>
public sealed record StockPick(StockBin Bin, DateTimeOffset PickedAt, decimal Quantity);
