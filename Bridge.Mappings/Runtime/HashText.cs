using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace Bridge.Mappings.Runtime;

/// <summary>
/// UTF-8 text to be hashed with SHA-256. Up to <see cref="MaxBuffered"/> bytes are gathered in one pooled buffer and
/// hashed in one shot (a reading's id: no hash object per call); beyond that the buffer is fed to an incremental hash
/// as it fills, so a multi-megabyte payload or id value never rents a buffer its size — the shared pool would keep
/// such a large-object-heap array long after the document is gone. The hash is the same either way. Dispose returns
/// the buffer.
/// </summary>
internal sealed class HashText(int capacity) : IDisposable
{
    /// <summary>64 KiB: under the large-object heap's 85,000 bytes.</summary>
    public const int MaxBuffered = 64 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(capacity, 64, MaxBuffered));
    private int _length;
    private IncrementalHash? _spilled;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _length && _length + bytes.Length > MaxBuffered)
        {
            Spill().AppendData(bytes);
            return;
        }
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Append(string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        ReadOnlySpan<char> rest = text;
        while (!rest.IsEmpty)
        {
            // At least a surrogate pair's worth of room (4 bytes), so every pass moves on.
            if (_buffer.Length - _length < 4) Reserve(Math.Min(rest.Length * 3, MaxBuffered));
            // Stops before a character that does not fit (a pair is never split); an unpaired surrogate becomes U+FFFD,
            // as Encoding.UTF8 writes it, so the bytes hashed are the ones they always were.
            Utf8.FromUtf16(rest, _buffer.AsSpan(_length), out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            _length += written;
            rest = rest[read..];
        }
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

    /// <summary>SHA-256 of everything appended.</summary>
    public void Hash(Span<byte> destination)
    {
        if (_spilled is null)
        {
            SHA256.HashData(_buffer.AsSpan(0, _length), destination);
            return;
        }
        _spilled.AppendData(_buffer, 0, _length);
        _length = 0;
        _spilled.GetHashAndReset(destination);
    }

    /// <summary>Room for <paramref name="more"/> bytes: the buffer grows up to <see cref="MaxBuffered"/>, then what it holds goes to the hash.</summary>
    private void Reserve(int more)
    {
        if (_length + more <= _buffer.Length) return;
        if (_length + more <= MaxBuffered)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(_buffer.Length * 2, _length + more), MaxBuffered));
            _buffer.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
            return;
        }
        Spill().AppendData(_buffer, 0, _length);
        _length = 0;
        if (more > _buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(MaxBuffered);
        }
    }

    private IncrementalHash Spill()
    {
        if (_spilled is null)
        {
            _spilled = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }
        if (_length > 0)
        {
            _spilled.AppendData(_buffer, 0, _length);
            _length = 0;
        }
        return _spilled;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
        _spilled?.Dispose();
        _spilled = null;
    }
}
