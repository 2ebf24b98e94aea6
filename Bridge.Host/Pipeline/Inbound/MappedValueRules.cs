using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Pipeline.Inbound;

/// <summary>
/// What a mapped message may carry before Bridge takes it: no U+0000 and no half surrogate pair anywhere (PostgreSQL
/// cannot store them, UTF-8 cannot encode the latter), and
/// identifiers and codes (every string but free-text <c>Reason</c>) without control characters and at most
/// <see cref="MaxValueLength"/> characters — a value no receiver could take in a header, path or log is refused
/// at the door instead of failing later at every send. Any other Unicode (umlauts, Chinese) is welcome.
/// </summary>
public static class MappedValueRules
{
    public const int MaxValueLength = 1000;

    private static readonly HashSet<string> FreeText = new(StringComparer.OrdinalIgnoreCase) { "Reason" };

    // Each message type's text-bearing properties, found once: a stock export checks 20,000 messages in a row, and a
    // JSON tree per message (the way before) was most of the accept path's cost, ≈ 6 KB each. Walking the object reads
    // the strings as they are (a JSON writer would already have replaced half a surrogate pair).
    private static readonly ConcurrentDictionary<Type, Member[]> Shapes = new();
    private const int MaxDepth = 32;

    public static IReadOnlyList<string> Check(ICanonicalMessage message)
    {
        List<string>? problems = null;
        Walk(message, message.GetType().Name, 0, ref problems);
        return problems ?? (IReadOnlyList<string>)[];
    }

    private static void Walk(object value, string path, int depth, ref List<string>? problems)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var member in Shapes.GetOrAdd(value.GetType(), Shape))
        {
            switch (member.Get(value))
            {
                case string text:
                    Check(text, path, member.Name, -1, ref problems);
                    break;
                case IEnumerable items when member.Kind == MemberKind.Items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        var at = index++;
                        if (item is string text)
                        {
                            Check(text, path, member.Name, at, ref problems);
                        }
                        else if (item is not null && !item.GetType().IsValueType)
                        {
                            Walk(item, $"{path}.{member.Name}[{at}]", depth + 1, ref problems);
                        }
                    }

                    break;
                case { } nested when member.Kind == MemberKind.Nested:
                    Walk(nested, $"{path}.{member.Name}", depth + 1, ref problems);
                    break;
            }
        }
    }

    /// <param name="index">The item's index in a list property; -1 for the property's own value.</param>
    private static void Check(string text, string parent, string property, int index, ref List<string>? problems)
    {
        if (Problem(text, property) is { } problem)
        {
            var path = index < 0 ? $"{parent}.{property}" : $"{parent}.{property}[{index}]";
            (problems ??= []).Add(Describe(problem, path, text));
        }
    }

    /// <summary>The public properties that can hold text: strings, lists (of strings or records), records. Numbers, dates and enums cannot.</summary>
    private static Member[] Shape(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
        .Select(p => new Member(p.Name, Getter(type, p), p.PropertyType == typeof(string) ? MemberKind.Text
            : typeof(IEnumerable).IsAssignableFrom(p.PropertyType) ? MemberKind.Items
            : p.PropertyType.IsValueType ? MemberKind.None
            : MemberKind.Nested))
        .Where(m => m.Kind != MemberKind.None)
        .ToArray();

    /// <summary>A compiled getter: PropertyInfo.GetValue allocated ≈ 300 bytes a call.</summary>
    private static Func<object, object?> Getter(Type type, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object));
        var read = Expression.Property(Expression.Convert(instance, type), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }

    private sealed record Member(string Name, Func<object, object?> Get, MemberKind Kind);

    private enum MemberKind
    {
        None,
        Text,
        Items,
        Nested,
    }

    /// <summary>Null when the text may be taken; else what is wrong with it.</summary>
    private static TextProblem? Problem(string text, string? property)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return TextProblem.Nul;
        }

        if (PostgresText.HasUnpairedSurrogate(text))
        {
            return TextProblem.HalfSurrogate;
        }

        if (property is not null && FreeText.Contains(property))
        {
            return null;
        }

        if (text.Length > MaxValueLength)
        {
            return TextProblem.TooLong;
        }

        // char.IsControl's ranges.
        return text.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || text.AsSpan().ContainsAnyInRange('\u007f', '\u009f') ? TextProblem.Control : null;
    }

    private static string Describe(TextProblem problem, string path, string text) => problem switch
    {
        TextProblem.Nul => $"field '{path}' contains a NUL character, which cannot be stored or sent",
        TextProblem.HalfSurrogate => $"field '{path}' contains half of a UTF-16 surrogate pair (a broken character, e.g. the escape \\ud800), which cannot be stored or sent",
        TextProblem.TooLong => $"field '{path}' is {text.Length} characters long; an identifier or code may have at most {MaxValueLength}",
        _ => $"field '{path}' contains control characters (CR, LF, TAB or others), which no receiver can take in a header or path",
    };

    private enum TextProblem
    {
        Nul,
        HalfSurrogate,
        TooLong,
        Control,
    }
}
