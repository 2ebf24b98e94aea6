namespace Bridge.Host.Domain.LineSide;

public enum LineSideSignalKind
{
    /// <summary>Parts used (a PLC counter delta, a scan): lowers the quantity.</summary>
    Consumption,

    /// <summary>A sensor's reading: sets the quantity.</summary>
    Reading,

    /// <summary>Material arrived (a fulfilled replenishment, a delivery): raises the quantity.</summary>
    Receipt,

    /// <summary>Kanban: cards came back to be refilled; the quantity follows from the cards in use.</summary>
    Card,
}
