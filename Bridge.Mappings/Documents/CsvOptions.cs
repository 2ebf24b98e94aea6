namespace Bridge.Mappings.Documents;

/// <summary>How CSV is read and written: delimiter, header row, column names when there is no header.</summary>
internal sealed record CsvOptions(char Delimiter = ',', bool Header = true, IReadOnlyList<string>? Columns = null)
{
    public static readonly CsvOptions Default = new();
}
