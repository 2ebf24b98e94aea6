namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>How one required line was sourced: per warehouse what it gives and why (e.g. <c>WH-B: 40 of 60 pcs, WH-A short by 40, lead time 6 h ≤ needed-by 9 h</c>).</summary>
public sealed class SourcingLine
{
    public string Material { get; set; } = "";
    public decimal Required { get; set; }
    public string Unit { get; set; } = "";
    public decimal Shortage { get; set; }
    public List<string> Reasons { get; set; } = [];
}
