using System.Text;

namespace Bridge.Mappings.Tables;

/// <summary>
/// The characters of a CSV text, one at a time with one of lookahead: either a string's, or bytes decoded a slice at a
/// time into a small buffer, so a megabyte export is never one large string (a large-object-heap allocation per document).
/// </summary>
internal ref struct CsvCharSource
{
    private const int ByteSlice = 4096;
    private readonly Decoder? _decoder;
    private readonly Span<char> _buffer;
    private ReadOnlySpan<byte> _bytes;
    private ReadOnlySpan<char> _chars;
    private int _position;
    private bool _flushed;

    public CsvCharSource(ReadOnlySpan<char> text)
    {
        _chars = text;
        _flushed = true;
    }

    /// <param name="buffer">Room for the decoded characters of one slice: at least <see cref="BufferFor"/>.</param>
    public CsvCharSource(ReadOnlySpan<byte> bytes, Encoding encoding, Span<char> buffer)
    {
        _bytes = bytes;
        _decoder = encoding.GetDecoder();
        _buffer = buffer;
    }

    /// <summary>The buffer a slice of <paramref name="encoding"/> needs.</summary>
    public static int BufferFor(Encoding encoding) => encoding.GetMaxCharCount(ByteSlice);

    /// <summary>Lines in the text, counted cheaply to size the list of rows once (a quoted line break only makes it higher).</summary>
    public static int LinesIn(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n') + 1;

    public bool TryRead(out char c)
    {
        if (!TryPeek(out c)) return false;
        _position++;
        return true;
    }

    public bool TryPeek(out char c)
    {
        if (_position == _chars.Length && !Fill())
        {
            c = default;
            return false;
        }
        c = _chars[_position];
        return true;
    }

    private bool Fill()
    {
        while (!_flushed)
        {
            var slice = _bytes.Length <= ByteSlice ? _bytes : _bytes[..ByteSlice];
            var last = slice.Length == _bytes.Length;
            _decoder!.Convert(slice, _buffer, last, out var bytesUsed, out var charsUsed, out var completed);
            _bytes = _bytes[bytesUsed..];
            _flushed = last && completed && _bytes.IsEmpty;
            if (charsUsed > 0)
            {
                _chars = _buffer[..charsUsed];
                _position = 0;
                return true;
            }
        }
        return false;
    }
}
