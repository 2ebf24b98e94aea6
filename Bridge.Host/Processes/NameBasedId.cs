using System.Security.Cryptography;
using System.Text;

namespace Bridge.Host.Processes;

/// <summary>A Guid derived from a name (SHA-256, version-5 style): the same name gives the same id on every host and every retry.</summary>
public static class NameBasedId
{
    public static Guid Create(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
