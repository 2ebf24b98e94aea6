using System.Globalization;
using System.Text;

namespace Bridge.Faults;

/// <summary>Prints the suite's result as a Markdown table, so it can go into the README as it is.</summary>
public static class FaultTable
{
    public static string Render(IReadOnlyList<FaultRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | load | fault | in | out | lost | duplicated | same-key resends | sagas terminal | time to recover |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---|---:|");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {Cell(row.Scenario)} | {Cell(row.Load)} | {Cell(row.Fault)} | {row.MessagesIn} | {row.MessagesOut} | ");
            text.Append(CultureInfo.InvariantCulture,
                $"{row.Lost} | {row.Duplicated} | {row.SameKeyResends} | {Cell(row.SagasTerminal)} | {Recovery(row.TimeToRecover)} |");
            text.AppendLine();
        }
        foreach (var row in rows.Where(r => !string.IsNullOrEmpty(r.Note)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {row.Scenario}: {row.Note}");
        }
        return text.ToString();
    }

    private static string Recovery(TimeSpan? time) =>
        time is { } t ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "–";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
