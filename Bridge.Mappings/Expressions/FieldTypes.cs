namespace Bridge.Mappings.Expressions;

/// <summary>What the compilers need to know about the type of a canonical field: scalar or not, list element type, how to name it.</summary>
internal static class FieldTypes
{
    public static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(decimal) || t == typeof(int) || t == typeof(long) || t == typeof(bool) ||
               t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(Guid) || t.IsEnum;
    }

    public static Type? ElementTypeOfList(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>) ||
            definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(List<>))
        {
            return type.GetGenericArguments()[0];
        }
        return null;
    }

    public static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum) return $"one of {string.Join(", ", Enum.GetNames(t))}";
        return t == typeof(string) ? "text" :
            t == typeof(decimal) ? "a decimal number" :
            t == typeof(int) || t == typeof(long) ? "a whole number" :
            t == typeof(bool) ? "a boolean" :
            t == typeof(DateTimeOffset) ? "a UTC date/time" :
            t == typeof(DateOnly) ? "a date" : t.Name;
    }
}
