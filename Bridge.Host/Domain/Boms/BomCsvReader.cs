using System.Globalization;
using System.Text;

namespace Bridge.Host.Domain.Boms;

/// <summary>
/// Reads a BOM from CSV (<c>parent,component,qty_per,unit,scrap_pct,phantom[,valid_from,valid_to]</c>, header names
/// mappable through <see cref="BomCsvColumns"/>; comma or semicolon separated; fields may be double-quoted). Every
/// problem is collected with its file, row (line number, header = 1) and column; nothing half-read is returned as good.
/// </summary>
public static class BomCsvReader
{
    public const int MaxErrors = 100;

    public static BomLoadResult ReadFile(string path, BomCsvColumns? columns = null)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path), columns);
    }

    public static BomLoadResult Read(TextReader reader, string file, BomCsvColumns? columns = null)
    {
        columns ??= BomCsvColumns.Default;
        var rows = new List<BomComponent>();
        var baseUnits = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        var header = reader.ReadLine();
        if (header is null)
        {
            return new BomLoadResult(rows, baseUnits, [$"{file}:1: the file is empty; expected a header row"]);
        }

        var separator = header.Contains(';') && !header.Contains(',') ? ';' : ',';
        var names = Split(header, separator);
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in BomCsvColumns.All)
        {
            var wanted = columns.HeaderOf(column);
            var found = names.FindIndex(n => string.Equals(n.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
            if (found >= 0)
            {
                at[column] = found;
            }
            else if (BomCsvColumns.Required.Contains(column))
            {
                errors.Add($"{file}:1: no column '{wanted}' for {column} in the header ({string.Join(",", names)})");
            }
        }

        if (errors.Count > 0)
        {
            return new BomLoadResult([], baseUnits, errors);
        }

        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line.Trim().Length == 0)
            {
                continue;
            }

            var first = lineNo;
            while (HasOpenQuote(line))
            {
                if (reader.ReadLine() is not { } next)
                {
                    errors.Add($"{file}:{first}: a quoted field opened on this row is not closed before the end of the file");
                    return new BomLoadResult([], baseUnits, errors);
                }

                lineNo++;
                line += "\n" + next;
            }

            var row = new CsvRow(file, first, names, Split(line, separator), at, columns, errors);
            var parsed = row.Parse();
            if (parsed is not null)
            {
                rows.Add(parsed);
                if (row.ParentUnit is { Length: > 0 } parentUnit && !baseUnits.TryAdd(parsed.Parent, parentUnit)
                    && !string.Equals(baseUnits[parsed.Parent], parentUnit, StringComparison.OrdinalIgnoreCase))
                {
                    row.Fail(BomCsvColumns.ParentUnit, $"'{parentUnit}' differs from '{baseUnits[parsed.Parent]}' given for {parsed.Parent} before");
                }
            }

            if (errors.Count >= MaxErrors)
            {
                errors.Add($"{file}: stopped after {MaxErrors} errors");
                break;
            }
        }

        return new BomLoadResult(errors.Count == 0 ? rows : [], baseUnits, errors);
    }

    /// <summary>A record may go on over line breaks inside a quoted field (RFC 4180); quotes come in pairs when it ends.</summary>
    private static bool HasOpenQuote(string record) => record.Contains('"') && record.Count(c => c == '"') % 2 == 1;

    private static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        if (!line.Contains('"'))
        {
            foreach (var field in line.Split(separator))
            {
                fields.Add(field.Trim());
            }

            return fields;
        }

        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString().Trim());
        return fields;
    }

    /// <summary>One data row being parsed: each problem is recorded as <c>file:row: column name (n): …</c>.</summary>
    private sealed class CsvRow(string file, int lineNo, List<string> header, List<string> fields, Dictionary<string, int> at, BomCsvColumns columns, List<string> errors)
    {
        private bool _failed;

        public string? ParentUnit { get; private set; }

        public BomComponent? Parse()
        {
            var parent = Text(BomCsvColumns.Parent, required: true);
            var component = Text(BomCsvColumns.Component, required: true);
            var quantity = Number(BomCsvColumns.QuantityPer, required: true);
            var unit = Text(BomCsvColumns.Unit, required: true);
            var scrap = Number(BomCsvColumns.ScrapPercent, required: false);
            var phantom = Flag(BomCsvColumns.Phantom);
            var from = Date(BomCsvColumns.ValidFrom);
            var to = Date(BomCsvColumns.ValidTo);
            ParentUnit = Text(BomCsvColumns.ParentUnit, required: false);
            if (quantity is <= 0m)
            {
                Fail(BomCsvColumns.QuantityPer, $"must be positive, was {quantity}");
            }

            if (scrap is < 0m)
            {
                Fail(BomCsvColumns.ScrapPercent, $"must not be negative, was {scrap}");
            }

            if (from is { } f && to is { } t && t < f)
            {
                Fail(BomCsvColumns.ValidTo, $"{t:yyyy-MM-dd} is before valid_from {f:yyyy-MM-dd}");
            }

            if (parent is not null && parent == component)
            {
                Fail(BomCsvColumns.Component, $"'{component}' is its own component");
            }

            return _failed ? null : new BomComponent
            {
                Parent = parent!,
                Component = component!,
                QuantityPer = quantity!.Value,
                Unit = unit!,
                ScrapPercent = scrap ?? 0m,
                IsPhantom = phantom,
                ValidFrom = from,
                ValidTo = to,
                Origin = $"{file}:{lineNo}",
            };
        }

        public void Fail(string column, string message)
        {
            _failed = true;
            var position = at.TryGetValue(column, out var i) ? $" ({i + 1})" : "";
            var name = at.TryGetValue(column, out var j) && j < header.Count ? header[j].Trim() : columns.HeaderOf(column);
            errors.Add($"{file}:{lineNo}: column {name}{position}: {message}");
        }

        private string? Raw(string column) =>
            at.TryGetValue(column, out var i) && i < fields.Count && fields[i].Length > 0 ? fields[i] : null;

        private string? Text(string column, bool required)
        {
            var value = Raw(column);
            if (value is null && required)
            {
                Fail(column, "is empty");
            }

            return value;
        }

        private decimal? Number(string column, bool required)
        {
            var value = Text(column, required);
            if (value is null)
            {
                return null;
            }

            if (decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            Fail(column, $"'{value}' is not a decimal number (use '.' as the decimal point)");
            return null;
        }

        private bool Flag(string column)
        {
            var value = Raw(column);
            switch (value?.ToLowerInvariant())
            {
                case null or "0" or "false" or "no" or "n":
                    return false;
                case "1" or "true" or "yes" or "y" or "x":
                    return true;
                default:
                    Fail(column, $"'{value}' is not a yes/no value (true/false, 1/0, yes/no, x)");
                    return false;
            }
        }

        private DateOnly? Date(string column)
        {
            var value = Raw(column);
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            Fail(column, $"'{value}' is not a date (yyyy-MM-dd)");
            return null;
        }
    }
}
