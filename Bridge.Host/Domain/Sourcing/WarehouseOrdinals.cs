namespace Bridge.Host.Domain.Sourcing;

/// <summary>
/// A small number per warehouse id, the same for the life of the process, so sourcing finds how a plant reaches a
/// warehouse by array index instead of a lookup by name on every line. Warehouses are master data: the ids are few.
/// </summary>
internal static class WarehouseOrdinals
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal);

    public static int Of(string warehouse)
    {
        lock (Gate)
        {
            if (!Ordinals.TryGetValue(warehouse, out var ordinal))
            {
                Ordinals[warehouse] = ordinal = Ordinals.Count;
            }

            return ordinal;
        }
    }
}
