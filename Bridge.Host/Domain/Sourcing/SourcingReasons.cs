using System.Collections;
using System.Globalization;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Domain.Sourcing;

/// <summary>
/// The reasons of one <see cref="SourcingDecision"/> (<c>WH-B: 40 of 60 pcs, WH-A short by 40, lead time 6 h ≤ needed-by
/// 9 h, cost 120</c>), written out only when someone reads them: a schedule check of thousands of lines formats none
/// unless its answer shows them.
/// </summary>
internal sealed class SourcingReasons(Plant plant, MaterialLine line, DateTimeOffset now, DateTimeOffset deadline,
    IReadOnlyList<SourcingReasons.Step> steps, decimal shortage, IReadOnlyList<PossibleSource> possible) : IReadOnlyList<string>
{
    private string[]? _written;

    public int Count => Written.Length;

    public string this[int index] => Written[index];

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Written).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string[] Written => _written ??= Write();

    private string[] Write()
    {
        var reasons = new List<string>(steps.Count + 1);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var reason = $"{step.Warehouse}: {Format(step.Before - step.After)} of {Format(line.Quantity)} {line.Unit}";
            if (i > 0)
            {
                var shortAt = new string[i];
                for (var j = 0; j < i; j++)
                {
                    shortAt[j] = steps[j].Warehouse;
                }

                reason += $", {string.Join(", ", shortAt)} short by {Format(step.Before)}";
            }

            reasons.Add(reason + Why(step));
        }

        if (shortage > 0m)
        {
            reasons.Add($"short by {Format(shortage)} {line.Unit}" + (possible.Count > 0 ? "; could come from " + string.Join("; ", possible.Select(p => p.Reason)) : ""));
        }

        return reasons.ToArray();
    }

    private string Why(Step step) => step.Tier switch
    {
        0 => $", own warehouse of {plant.Id}",
        1 => $", same site {plant.Site}",
        _ => $", lead time {Hours(step.Route!.LeadTime)} ≤ needed-by {Hours(deadline - now)}, cost {Format(step.Route.Cost)}",
    };

    internal static string Hours(TimeSpan span) => span.TotalHours.ToString("0.##", CultureInfo.InvariantCulture) + " h";

    internal static string Format(decimal value) => UnitMath.Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>One warehouse taken from: what was still required before and after it.</summary>
    internal readonly record struct Step(string Warehouse, decimal Before, decimal After, int Tier, TransferRoute? Route);
}
