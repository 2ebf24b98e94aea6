using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Bridge.Mappings.Templates;

/// <summary>
/// The settable members of a canonical record (init properties and constructor parameters), which of them are
/// required, and a factory compiled once to an expression tree that builds the record from a slot array.
/// A null slot leaves the member at its default.
/// </summary>
internal sealed class RecordShape
{
    private static readonly ConcurrentDictionary<Type, RecordShape> Cache = new();

    private RecordShape(Type type)
    {
        Type = type;
        var ctor = type.GetConstructor(Type.EmptyTypes)
                   ?? type.GetConstructors().Where(c => !IsCopyConstructor(c, type)).OrderByDescending(c => c.GetParameters().Length).First();
        var members = new List<RecordMember>();
        var ctorParams = ctor.GetParameters();
        foreach (var parameter in ctorParams)
        {
            members.Add(new RecordMember(CamelCase(parameter.Name!), parameter.ParameterType, !parameter.HasDefaultValue, members.Count));
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.Name == "EqualityContract") continue;
            if (members.Any(m => string.Equals(m.Name, property.Name, StringComparison.OrdinalIgnoreCase))) continue;
            var required = property.IsDefined(typeof(RequiredMemberAttribute), inherit: true);
            members.Add(new RecordMember(CamelCase(property.Name), property.PropertyType, required, members.Count) { Property = property });
        }
        Members = members;
        Factory = BuildFactory(type, ctor, ctorParams.Length, members);
    }

    public Type Type { get; }
    public IReadOnlyList<RecordMember> Members { get; }
    public Func<object?[], object> Factory { get; }

    public static RecordShape For(Type type) => Cache.GetOrAdd(type, t => new RecordShape(t));

    public RecordMember? Find(string name) =>
        Members.FirstOrDefault(m => m.Name == name) ?? Members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static bool IsCopyConstructor(ConstructorInfo ctor, Type type) =>
        ctor.GetParameters() is [{ } only] && only.ParameterType == type;

    private static Func<object?[], object> BuildFactory(Type type, ConstructorInfo ctor, int ctorCount, List<RecordMember> members)
    {
        var slots = Expression.Parameter(typeof(object?[]), "slots");
        var instance = Expression.Variable(type, "instance");
        var args = members.Take(ctorCount).Select(m => (Expression)ReadSlot(slots, m)).ToArray();
        var body = new List<Expression> { Expression.Assign(instance, Expression.New(ctor, args)) };
        foreach (var member in members.Skip(ctorCount))
        {
            var slot = Expression.ArrayIndex(slots, Expression.Constant(member.Slot));
            body.Add(Expression.IfThen(
                Expression.NotEqual(slot, Expression.Constant(null)),
                Expression.Assign(Expression.Property(instance, member.Property!), Expression.Convert(slot, member.Type))));
        }
        body.Add(Expression.Convert(instance, typeof(object)));
        var lambda = Expression.Lambda<Func<object?[], object>>(Expression.Block([instance], body), slots);
        return lambda.Compile();
    }

    private static Expression ReadSlot(ParameterExpression slots, RecordMember member)
    {
        var slot = Expression.ArrayIndex(slots, Expression.Constant(member.Slot));
        return Expression.Condition(
            Expression.Equal(slot, Expression.Constant(null)),
            Expression.Default(member.Type),
            Expression.Convert(slot, member.Type));
    }
}
