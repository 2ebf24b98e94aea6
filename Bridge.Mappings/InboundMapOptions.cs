namespace Bridge.Mappings;

/// <summary>
/// How much of a payload <see cref="InboundMapping.Map(ReadOnlyMemory{byte}, string, IReadOnlyDictionary{string, string}, InboundMapOptions)"/>
/// works out. <see cref="Everything"/> (mapping tests, the CLI): every item that maps is built and every error kept.
/// <see cref="AllOrNothing"/> (the host, which refuses a document on its first error): once an item has failed no
/// further message is built and the result has none; every item is still checked, but only the first
/// <see cref="KeptErrors"/> errors are kept and the rest counted (<see cref="InboundMapResult.ErrorCount"/>). A
/// 20,000-row stock export with one bad row built 19,999 messages to throw away, and one whose header lost a column
/// kept 20,000 errors of which the host reports 100.
/// </summary>
public sealed record InboundMapOptions
{
    private InboundMapOptions(bool allOrNothing, int keptErrors)
    {
        IsAllOrNothing = allOrNothing;
        KeptErrors = keptErrors;
    }

    public static InboundMapOptions Everything { get; } = new(false, int.MaxValue);

    /// <param name="keptErrors">How many errors the result keeps (at least 1); the rest are counted.</param>
    public static InboundMapOptions AllOrNothing(int keptErrors) =>
        new(true, keptErrors >= 1 ? keptErrors : throw new ArgumentOutOfRangeException(nameof(keptErrors), keptErrors, "at least one error is kept"));

    public bool IsAllOrNothing { get; }

    public int KeptErrors { get; }
}
