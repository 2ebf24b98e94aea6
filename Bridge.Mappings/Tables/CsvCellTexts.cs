namespace Bridge.Mappings.Tables;

/// <summary>
/// The texts of one document's cells, each distinct short text made once: a stock export repeats its warehouses,
/// units, status words and dates on every row, and 20,000 rows made 160,000 strings. Bounded, so a hostile document
/// of distinct cells costs a string per cell as before and no more.
/// </summary>
internal sealed class CsvCellTexts
{
    private const int LongestShared = 64;
    private const int MostShared = 4096;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CsvCellTexts() => _lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Text(ReadOnlySpan<char> cell)
    {
        if (cell.IsEmpty) return "";
        if (cell.Length > LongestShared) return new string(cell);
        if (_lookup.TryGetValue(cell, out var known)) return known;
        var text = new string(cell);
        if (_texts.Count < MostShared) _texts[text] = text;
        return text;
    }
}
