namespace Bridge.Host.Domain.Boms;

/// <summary>
/// The canonical columns of a BOM CSV and the header names a file uses for them (the canonical name unless mapped:
/// <c>parent=PARENT_MATERIAL</c>). Required: parent, component, qty_per, unit; the others may be absent.
/// </summary>
public sealed class BomCsvColumns
{
    public const string Parent = "parent";
    public const string Component = "component";
    public const string QuantityPer = "qty_per";
    public const string Unit = "unit";
    public const string ScrapPercent = "scrap_pct";
    public const string Phantom = "phantom";
    public const string ValidFrom = "valid_from";
    public const string ValidTo = "valid_to";
    public const string ParentUnit = "parent_unit";

    public static readonly IReadOnlyList<string> All = [Parent, Component, QuantityPer, Unit, ScrapPercent, Phantom, ValidFrom, ValidTo, ParentUnit];

    public static readonly IReadOnlyList<string> Required = [Parent, Component, QuantityPer, Unit];

    private readonly Dictionary<string, string> _headers = All.ToDictionary(c => c, c => c, StringComparer.Ordinal);

    public static BomCsvColumns Default { get; } = new();

    /// <summary>The header name the file uses for a canonical column.</summary>
    public string HeaderOf(string column) => _headers[column];

    /// <summary>Parses <c>column=Header Name</c> pairs.</summary>
    /// <exception cref="BomException">A pair is malformed or names no canonical column.</exception>
    public static BomCsvColumns Parse(IEnumerable<string> pairs)
    {
        var columns = new BomCsvColumns();
        foreach (var pair in pairs)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var column = at > 0 ? pair[..at].Trim() : "";
            if (at <= 0 || at == pair.Length - 1 || !columns._headers.ContainsKey(column))
            {
                throw new BomException($"column mapping '{pair}': expected column=Header with column one of {string.Join(", ", All)}");
            }

            columns._headers[column] = pair[(at + 1)..].Trim();
        }

        return columns;
    }
}
