namespace Bridge.Host.Domain.KitChecks;

/// <summary>The order in which a schedule's orders get the stock.</summary>
public enum KitCheckOrdering
{
    /// <summary>Lower priority number first, then earlier needed-by, then order id.</summary>
    Priority,

    /// <summary>Earlier needed-by first, then priority, then order id.</summary>
    Due,
}
