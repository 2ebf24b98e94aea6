using System.Collections;

namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// A value of any built-in type: a scalar, a one-dimensional array, or a matrix (a flat array in row-major
/// order plus <see cref="ArrayDimensions"/>). Scalars are held as the CLR type that <see cref="BuiltInTypes"/>
/// names for the built-in type; arrays as a CLR array of it.
/// </summary>
public sealed class Variant : IEquatable<Variant>
{
    public static readonly Variant Null = new(BuiltInType.Null, null);

    public Variant(BuiltInType type, object? value, int[]? arrayDimensions = null)
    {
        if (type != BuiltInType.Null && value is null && type is not (BuiltInType.String or BuiltInType.ByteString))
        {
            throw new OpcUaEncodingException($"A {type} Variant needs a value.");
        }
        if (value is not null && !BuiltInTypes.Fits(type, value))
        {
            throw new OpcUaEncodingException($"A {value.GetType().Name} cannot be held as {type}.");
        }
        if (arrayDimensions is not null)
        {
            if (value is not Array array || !BuiltInTypes.IsArrayValue(type, value))
            {
                throw new OpcUaEncodingException("ArrayDimensions need an array value.");
            }
            long product = 1;
            foreach (var dimension in arrayDimensions)
            {
                product = dimension < 0 ? -1 : Math.Min(product * dimension, int.MaxValue + 1L);
            }
            if (product != array.Length)
            {
                throw new OpcUaEncodingException($"ArrayDimensions [{string.Join(",", arrayDimensions)}] do not match {array.Length} elements.");
            }
        }
        if (type == BuiltInType.Variant && !BuiltInTypes.IsArrayValue(type, value))
        {
            throw new OpcUaEncodingException("A Variant may hold an array of Variants, never a single Variant.");
        }
        Type = type;
        Value = value;
        ArrayDimensions = arrayDimensions;
    }

    private Variant(BuiltInType type, object? value, int[]? arrayDimensions, bool _)
    {
        Type = type;
        Value = value;
        ArrayDimensions = arrayDimensions;
    }

    /// <summary>
    /// A variant the decoder built: its value already has the CLR type of <paramref name="type"/> and its dimensions
    /// were checked, so the public constructor's checks (a type test per value) are skipped on the hot path.
    /// </summary>
    internal static Variant Decoded(BuiltInType type, object? value, int[]? arrayDimensions = null) => new(type, value, arrayDimensions, true);

    public BuiltInType Type { get; }

    public object? Value { get; }

    /// <summary>Set for matrices (two or more dimensions); null for scalars and plain arrays.</summary>
    public int[]? ArrayDimensions { get; }

    public bool IsArray => BuiltInTypes.IsArrayValue(Type, Value);

    public bool IsNull => Type == BuiltInType.Null;

    public static Variant From(bool value) => new(BuiltInType.Boolean, value);

    public static Variant From(int value) => new(BuiltInType.Int32, value);

    public static Variant From(uint value) => new(BuiltInType.UInt32, value);

    public static Variant From(double value) => new(BuiltInType.Double, value);

    public static Variant From(string? value) => new(BuiltInType.String, value);

    public bool Equals(Variant? other) =>
        other is not null && Type == other.Type
        && StructuralComparisons.StructuralEqualityComparer.Equals(Value, other.Value)
        && StructuralComparisons.StructuralEqualityComparer.Equals(ArrayDimensions, other.ArrayDimensions);

    public override bool Equals(object? obj) => Equals(obj as Variant);

    public override int GetHashCode() =>
        HashCode.Combine(Type, Value is null ? 0 : StructuralComparisons.StructuralEqualityComparer.GetHashCode(Value));

    public override string ToString() => VariantText.Format(this);
}
