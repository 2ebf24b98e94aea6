using System.Text;

namespace Bridge.Faults.Mutations;

/// <summary>
/// CSV's own breakages: an unbalanced quote, extra and missing columns, no header or only the header, another
/// delimiter, a header named twice, a quoted line break, thousands of rows, a long column name over thousands of rows; and hostile text in a cell. The sample's
/// bytes are kept as they are (its encoding may be Windows-1252): inserted text goes in as UTF-8.
/// </summary>
public static class CsvMutations
{
    public static IEnumerable<Mutation> All { get; } =
    [
        new("csv-unbalanced-quote", Mutation.Only("csv"), (r, s) => EditCell(r, s, c => "\"" + c)),
        new("csv-quoted-newline", Mutation.Only("csv"), (r, s) => EditCell(r, s, c => "\"" + c + "\r\n" + c + "\"")),
        new("csv-extra-columns", Mutation.Only("csv"), (r, s) => EditRow(r, s, (row, d) => row + d + "x" + d + "y")),
        new("csv-missing-columns", Mutation.Only("csv"), (r, s) => EditRow(r, s, (row, d) => row.Contains(d, StringComparison.Ordinal) ? row[..row.LastIndexOf(d)] : "")),
        new("csv-no-header", Mutation.Only("csv"), (_, s) => Edit(s, lines => lines.Skip(1).ToList())),
        new("csv-header-only", Mutation.Only("csv"), (_, s) => Edit(s, lines => lines.Take(1).ToList())),
        new("csv-other-delimiter", Mutation.Only("csv"), (_, s) => Edit(s, lines => lines.Select(l => l.Replace(';', ',')).ToList())),
        new("csv-header-twice", Mutation.Only("csv"), (_, s) => Edit(s, lines => [string.Join(Delimiter(lines), Enumerable.Repeat(lines[0].Split(Delimiter(lines))[0], lines[0].Split(Delimiter(lines)).Length)), .. lines.Skip(1)])),
        new("csv-many-rows", Mutation.Only("csv"), (r, s) => Edit(s, lines => [lines[0], .. Enumerable.Repeat(lines.Skip(1).DefaultIfEmpty("").First(), r.Next(1_000, 20_000))])),
        new("csv-wrong-type", Mutation.Only("csv"), (r, s) => EditCell(r, s, _ => Utf8(HostileValues.Pick(r, HostileValues.WrongTypes).Trim('"')))),
        new("csv-extreme-number", Mutation.Only("csv"), (r, s) => EditCell(r, s, _ => Utf8(HostileValues.Pick(r, HostileValues.Numbers)))),
        new("csv-unicode", Mutation.Only("csv"), (r, s) => EditCell(r, s, _ => Utf8(HostileValues.Pick(r, HostileValues.Unicode)))),
        new("csv-control", Mutation.Only("csv"), (r, s) => EditCell(r, s, c => c + Utf8(HostileValues.Pick(r, HostileValues.Controls)))),
        new("csv-long-cell", Mutation.Only("csv"), (r, s) => EditCell(r, s, _ => Utf8(HostileValues.Long(r)))),
        new("csv-empty-cell", Mutation.Only("csv"), (r, s) => EditCell(r, s, _ => "")),
        // A long column name over many rows: a reader that repeats names per row (as JSON objects do) grows with the product.
        new("csv-long-header-many-rows", Mutation.Only("csv"), (r, s) => Edit(s, lines =>
        {
            var d = Delimiter(lines);
            var header = lines[0].Split(d);
            header[r.Next(header.Length)] = Utf8(HostileValues.Long(r));
            return [string.Join(d, header), .. Enumerable.Repeat(lines.Skip(1).DefaultIfEmpty("").First(), r.Next(1_000, 20_000))];
        })),
    ];

    // Latin-1 maps every byte to one char and back, so the sample's own bytes survive the edit whatever their encoding.
    private static List<string> Lines(MutationSeed seed) => [.. Encoding.Latin1.GetString(seed.Sample).Split('\n').Select(l => l.TrimEnd('\r'))];

    private static byte[] Edit(MutationSeed seed, Func<List<string>, List<string>> edit) =>
        Encoding.Latin1.GetBytes(string.Join("\r\n", edit(Lines(seed))));

    private static string Delimiter(List<string> lines) => lines.Count > 0 && lines[0].Contains(';', StringComparison.Ordinal) ? ";" : ",";

    private static byte[] EditRow(Random random, MutationSeed seed, Func<string, string, string> edit) => Edit(seed, lines =>
    {
        var at = random.Next(lines.Count);
        lines[at] = edit(lines[at], Delimiter(lines));
        return lines;
    });

    private static byte[] EditCell(Random random, MutationSeed seed, Func<string, string> edit) => EditRow(random, seed, (row, d) =>
    {
        var cells = row.Split(d);
        var at = random.Next(cells.Length);
        cells[at] = edit(cells[at]);
        return string.Join(d, cells);
    });

    private static string Utf8(string value) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(value));
}
