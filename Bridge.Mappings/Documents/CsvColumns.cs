using System.Globalization;

namespace Bridge.Mappings.Documents;

/// <summary>
/// The column names of one CSV document, shared by all its records: the header's cells (or the mapping's
/// <c>columns:</c>, or col1, col2…), and col<i>n</i> for a cell beyond them. A name given twice stands for the last
/// such column a record has, as the last of two equal JSON keys does.
/// </summary>
internal sealed class CsvColumns
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _last;

    public CsvColumns(string[] names)
    {
        _names = names;
        _last = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) _last[names[i]] = i;
    }

    /// <summary>The name of the cell at <paramref name="index"/> (0-based).</summary>
    public string NameOf(int index) => index < _names.Length ? _names[index] : "col" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The last position named <paramref name="name"/> among a record's first <paramref name="cellCount"/> cells; -1 when none.</summary>
    public int Find(string name, int cellCount)
    {
        // colN for a cell beyond the header comes after every header column.
        if (cellCount > _names.Length && BeyondHeader(name) is { } beyond && beyond < cellCount) return beyond;
        if (!_last.TryGetValue(name, out var last)) return -1;
        if (last < cellCount) return last;
        // A short row and a name given twice: an earlier column of that name, among the cells the row has.
        for (var i = Math.Min(cellCount, _names.Length) - 1; i >= 0; i--)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    private int? BeyondHeader(string name)
    {
        if (!name.StartsWith("col", StringComparison.Ordinal) || name.Length < 4 || name[3] == '0') return null;
        return int.TryParse(name.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > _names.Length ? n - 1 : null;
    }
}
