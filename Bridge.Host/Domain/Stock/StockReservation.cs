namespace Bridge.Host.Domain.Stock;

/// <summary>A reservation held in the stock view (its id is the material request id) and when it was made.</summary>
public sealed record StockReservation(string ReservationId, DateTimeOffset CreatedAt);
