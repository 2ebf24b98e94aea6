using Bridge.Host.Domain.KitChecks;

namespace Bridge.Host.Processes.KitChecks;

/// <summary>The kits of a schedule check, or why it could not be made (an HTTP status, a title and what was wrong).</summary>
public sealed record KitCheckResult(IReadOnlyList<OrderKit> Kits, int Status, string? Title, string? Detail)
{
    public bool Succeeded => Title is null;

    public static KitCheckResult Checked(IReadOnlyList<OrderKit> kits) => new(kits, 200, null, null);

    public static KitCheckResult Refused(int status, string title, string detail) => new([], status, title, detail);
}
