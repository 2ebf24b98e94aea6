using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.Stock;

/// <summary>
/// Chooses the lines a reservation holds from the stock that is free at that moment (read under the stock view's lock,
/// reservations already subtracted); null when the stock does not cover what is wanted (nothing is held then).
/// </summary>
public delegate IReadOnlyList<MaterialLine>? StockPlanner(IReadOnlyDictionary<string, IReadOnlyList<StockLocation>> available);
