namespace Bridge.Mappings.Expressions;

internal enum PathStart
{
    Root,
    Current,
    Variable,
}
