namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>The three-letter message types and chunk types of the UA-TCP header (Part 6, 7.1.2.2).</summary>
internal static class MessageTypes
{
    public const int HeaderSize = 8;
    public const int MinimumBufferSize = 8192;
    public static readonly uint Hello = Pack("HEL");
    public static readonly uint Acknowledge = Pack("ACK");
    public static readonly uint Error = Pack("ERR");
    public static readonly uint ReverseHello = Pack("RHE");
    public static readonly uint Message = Pack("MSG");
    public static readonly uint OpenChannel = Pack("OPN");
    public static readonly uint CloseChannel = Pack("CLO");
    public const byte Final = (byte)'F';
    public const byte Intermediate = (byte)'C';
    public const byte Abort = (byte)'A';

    /// <summary>The three ASCII bytes as the low 24 bits of a little-endian UInt32.</summary>
    public static uint Pack(string type) => (uint)(type[0] | (type[1] << 8) | (type[2] << 16));

    public static string Name(uint type) =>
        new([(char)(type & 0xFF), (char)((type >> 8) & 0xFF), (char)((type >> 16) & 0xFF)]);
}
