namespace Bridge.Mappings.Runtime;

/// <summary>The canonical field being built (<c>bom[3].quantityPer</c>), rendered only when an error needs it.</summary>
internal sealed class FieldPath(FieldPath? parent, string? name, int index = -1)
{
    public static readonly FieldPath Root = new(null, null);

    public FieldPath Member(string member) => new(this, member);

    public FieldPath Item(int i) => new(this, null, i);

    public override string ToString()
    {
        var parentText = parent?.ToString() ?? "";
        if (index >= 0) return $"{parentText}[{index}]";
        if (name is null) return parentText;
        return parentText.Length == 0 ? name : parentText + "." + name;
    }
}
