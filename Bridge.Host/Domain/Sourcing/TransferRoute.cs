namespace Bridge.Host.Domain.Sourcing;

/// <summary>Moving stock from one site to another: its cost (any currency, compared only) and lead time.</summary>
public sealed record TransferRoute(string FromSite, string ToSite, decimal Cost, TimeSpan LeadTime);
