namespace Bridge.Mappings.Paths;

internal enum StepKind
{
    Child,
    Attribute,
    Wildcard,
    Descendant,
    Parent,
    Self,
}
