using System.Globalization;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Expressions;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Templates;

/// <summary>Converts an expression's value to the type of a canonical member, strictly, naming the value on failure.</summary>
internal static class TargetConverter
{
    /// <summary>A load-time type problem between what the expression yields and the member type, or null.</summary>
    public static string? CheckStatic(CompiledExpr expr, Type target)
    {
        var t = Nullable.GetUnderlyingType(target) ?? target;
        var type = expr.Type;
        if (expr.IsConstant && expr.Constant is not null)
        {
            try
            {
                Convert(expr.Constant, target, expr.Text);
                return null;
            }
            catch (MappingRuntimeException ex)
            {
                return ex.Message;
            }
        }
        var incompatible = type switch
        {
            ExprType.Bool => t != typeof(string) && t != typeof(bool),
            ExprType.DateTime => t != typeof(string) && t != typeof(DateTimeOffset) && t != typeof(DateOnly),
            ExprType.Date => t != typeof(string) && t != typeof(DateOnly) && t != typeof(DateTimeOffset),
            ExprType.Number => t != typeof(string) && t != typeof(decimal) && t != typeof(int) && t != typeof(long),
            _ => false,
        };
        return incompatible ? $"type mismatch: '{expr.Text}' is a {ExpressionCompiler.Describe(type)} but the field is {FieldTypes.Describe(target)}" : null;
    }

    /// <summary>A converter for one member type, with the common cases (text, decimal) decided once.</summary>
    public static Func<object?, string, object?> For(Type target)
    {
        var t = Nullable.GetUnderlyingType(target) ?? target;
        if (t == typeof(string)) return (value, path) => value is string s ? (s.Length == 0 ? null : s) : ConvertTo(value, t, path);
        if (t == typeof(decimal)) return (value, path) => value is decimal ? value : ConvertTo(value, t, path);
        if (t == typeof(bool)) return (value, path) => value is bool ? value : ConvertTo(value, t, path);
        return (value, path) => ConvertTo(value, t, path);
    }

    /// <summary>Converts; null and missing values give null (the member keeps its default).</summary>
    public static object? Convert(object? value, Type target, string sourcePath) =>
        ConvertTo(value, Nullable.GetUnderlyingType(target) ?? target, sourcePath);

    /// <param name="t">The member type with Nullable taken off (reflecting on it for every value is not free).</param>
    private static object? ConvertTo(object? value, Type t, string sourcePath)
    {
        if (value is null) return null;
        if (value.GetType() == t && t != typeof(string)) return value;
        if (Values.IsMissing(value)) return null;
        if (t == typeof(string)) return Values.ToText(value);
        if (t == typeof(decimal)) return Values.ToDecimal(value, sourcePath);
        if (t == typeof(int) || t == typeof(long))
        {
            var d = Values.ToDecimal(value, sourcePath);
            if (d != decimal.Truncate(d)) throw new MappingRuntimeException($"expected a whole number, got '{d}'", sourcePath, Values.Display(value));
            return t == typeof(int) ? (object)(int)d : (long)d;
        }
        if (t == typeof(bool))
        {
            if (value is bool) return value;
            return Values.ToText(value)?.Trim().ToLowerInvariant() switch
            {
                "true" or "1" => Values.True,
                "false" or "0" => Values.False,
                _ => throw new MappingRuntimeException($"expected true or false, got '{Values.Display(value)}' (use bool(x) for yes/no, X/blank)", sourcePath, Values.Display(value)),
            };
        }
        if (t == typeof(DateTimeOffset)) return Values.ToDateTime(value, sourcePath);
        if (t == typeof(DateOnly))
        {
            if (value is DateOnly) return value;
            if (value is DateTimeOffset dto) return DateOnly.FromDateTime(dto.UtcDateTime);
            var text = Values.ToText(value)!.Trim();
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            if (Values.TryToDateTime(text, out var dt, out _)) return DateOnly.FromDateTime(dt.UtcDateTime);
            throw new MappingRuntimeException($"expected a date yyyy-MM-dd, got '{ValueText.Show(text)}' (use date(x, 'format') for other formats)", sourcePath, text);
        }
        if (t == typeof(Guid))
        {
            var text = Values.ToText(value)!.Trim();
            return Guid.TryParse(text, out var guid) ? guid : throw new MappingRuntimeException($"expected a GUID, got '{ValueText.Show(text)}'", sourcePath, text);
        }
        if (t.IsEnum)
        {
            var text = Values.ToText(value)!.Trim();
            var names = EnumNames.For(t);
            return names.Find(text)
                ?? throw new MappingRuntimeException($"'{text}' is not a canonical {t.Name}; expected {string.Join(", ", names.Names)} (map the system's words with status())", sourcePath, text);
        }
        throw new MappingRuntimeException($"cannot convert to {t.Name}", sourcePath, Values.Display(value));
    }
}
