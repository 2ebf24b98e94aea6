namespace Bridge.Host.Operations;

/// <summary>
/// A line diff (longest common subsequence): each line of <c>before</c> and <c>after</c> once, in order, marked
/// <c>' '</c> kept, <c>'-'</c> only before, <c>'+'</c> only after. Inputs beyond <see cref="MaxLines"/> lines are cut
/// (a last line says how many were left out), so an operator's preview of a huge body stays cheap.
/// </summary>
public static class LineDiff
{
    public const int MaxLines = 2_000;

    public static IReadOnlyList<DiffLine> Compare(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var a = Cut(before);
        var b = Cut(after);
        // lengths[i, j] = LCS length of a[i..] and b[j..]
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>(a.Count + b.Count);
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                lines.Add(new DiffLine(' ', a[x++]));
                y++;
            }
            else if (x < a.Count && (y == b.Count || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                lines.Add(new DiffLine('-', a[x++]));
            }
            else
            {
                lines.Add(new DiffLine('+', b[y++]));
            }
        }

        return lines;
    }

    public static IReadOnlyList<string> Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    private static IReadOnlyList<string> Cut(IReadOnlyList<string> lines) =>
        lines.Count <= MaxLines ? lines : [.. lines.Take(MaxLines), $"… {lines.Count - MaxLines} more lines not compared"];
}
