namespace Bridge.Host.Pipeline.Inbound;

/// <summary>
/// The reasons a refused document reports: the first <see cref="Limit"/>, then one line that counts the rest. A
/// stock export of 20,000 rows whose header lost a column fails on every row; its 20,000 reasons went whole into the
/// dead letter's reason, the log line, the audit row and the HTTP answer, several megabytes each (the fault suite's R4
/// allocated 4 GB for 300 such exports). The dead letter keeps the whole document, so every reason can be found again.
/// </summary>
public static class ReportedReasons
{
    public const int Limit = 100;

    public static IReadOnlyList<string> Of<T>(IReadOnlyList<T> reasons, Func<T, string> describe) => Of(reasons, reasons.Count, describe);

    /// <param name="reasons">The first reasons, at least <see cref="Limit"/> of them when there are that many.</param>
    /// <param name="total">How many reasons there are (the mapping counts those it did not keep).</param>
    public static IReadOnlyList<string> Of<T>(IReadOnlyList<T> reasons, int total, Func<T, string> describe)
    {
        var kept = new List<string>(Math.Min(reasons.Count, Limit) + 1);
        for (var i = 0; i < reasons.Count && i < Limit; i++)
            kept.Add(describe(reasons[i]));
        if (total > kept.Count)
            kept.Add($"… and {total - kept.Count} more reasons ({total} in all); the dead letter keeps the whole document");
        return kept;
    }
}
