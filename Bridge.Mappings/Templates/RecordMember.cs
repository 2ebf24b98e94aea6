using System.Reflection;

namespace Bridge.Mappings.Templates;

/// <summary>One settable member of a record: its camelCase name, type, whether it is required, and its slot.</summary>
internal sealed record RecordMember(string Name, Type Type, bool Required, int Slot)
{
    public PropertyInfo? Property { get; init; }
}
