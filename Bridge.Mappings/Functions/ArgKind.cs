namespace Bridge.Mappings.Functions;

/// <summary>How a function argument is compiled: as a value, as every match of a path, or as a name (table).</summary>
internal enum ArgKind
{
    Value,
    Nodes,
    Name,
}
