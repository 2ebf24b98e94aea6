namespace Bridge.Mappings.Documents;

/// <summary>Position facts of one parsed payload: the CSV file row of each record (the header is row 1).</summary>
internal sealed class SourceDocument(IReadOnlyList<int>? csvRows)
{
    public IReadOnlyList<int>? CsvRows => csvRows;
}
