using System.Buffers;
using System.Globalization;
using System.Text;

namespace Bridge.Mappings.Runtime;

/// <summary>UTF-8 text to be hashed, written into a pooled buffer that grows as needed (dispose to return it).</summary>
internal sealed class HashText(int capacity) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 64));
    private int _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Append(string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    public void Append(char ascii)
    {
        Reserve(1);
        _buffer[_length++] = (byte)ascii;
    }

    public void Append(int value)
    {
        Reserve(11);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>The round-trip (<c>O</c>) form, as <c>$"{value:O}"</c> writes it.</summary>
    public void Append(DateTimeOffset value)
    {
        Reserve(40);
        value.TryFormat(_buffer.AsSpan(_length), out var written, "O", CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Reserve(int more)
    {
        if (_length + more <= _buffer.Length) return;
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer.AsSpan(0, _length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }
}
