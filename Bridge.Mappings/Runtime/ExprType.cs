namespace Bridge.Mappings.Runtime;

/// <summary>What an expression yields, as far as can be known when the mapping is loaded.</summary>
internal enum ExprType
{
    Any,
    Null,
    String,
    Number,
    Bool,
    DateTime,
    Date,
    List,
}
