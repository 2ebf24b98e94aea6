namespace Bridge.Mappings.Expressions;

internal enum StepKind
{
    Child,
    Attribute,
    Wildcard,
    Descendant,
    Parent,
    Self,
}
