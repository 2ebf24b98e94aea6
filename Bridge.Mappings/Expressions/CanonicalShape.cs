using System.Reflection;
using System.Text.Json;
using Bridge.Mappings.Paths;

namespace Bridge.Mappings.Expressions;

/// <summary>
/// Follows a path through the canonical JSON shape of a record (camelCase members, lists as their elements), so an
/// outbound mapping's typo (<c>pickOrderID</c>, <c>lines.qty</c>) is a load-time error instead of a missing value.
/// </summary>
internal static class CanonicalShape
{
    /// <summary>The type after <paramref name="step"/>, or null when it cannot be known (then nothing more is checked).</summary>
    public static Type? Step(Type? type, PathStepNode step, Action<int, string> error)
    {
        if (type is null) return null;
        type = ElementOrSelf(type);
        if (step.Kind == StepKind.Self) return type;
        if (step.Kind != StepKind.Child || step.Name is null) return null;
        if (FieldTypes.IsScalar(type))
        {
            error(step.Pos, $"'{step.Name}': the value before it is {FieldTypes.Describe(type)}, which has no fields");
            return null;
        }
        var members = Members(type);
        if (members.TryGetValue(step.Name, out var property)) return ElementOrSelf(property.PropertyType);
        error(step.Pos, $"unknown field '{step.Name}' on {type.Name}; expected one of: {string.Join(", ", members.Keys)}");
        return null;
    }

    public static Type ElementOrSelf(Type type) => FieldTypes.ElementTypeOfList(type) ?? Nullable.GetUnderlyingType(type) ?? type;

    private static Dictionary<string, PropertyInfo> Members(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);
}
