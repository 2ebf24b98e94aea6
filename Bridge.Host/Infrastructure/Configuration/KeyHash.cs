using System.Security.Cryptography;
using System.Text;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>
/// API keys are kept only as SHA-256 hashes. A setting holds either the key itself or <c>sha256:&lt;64 hex&gt;</c>
/// (so a deployment need not hold the key at all).
/// </summary>
public static class KeyHash
{
    private const string Prefix = "sha256:";

    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static byte[] FromSetting(string value)
    {
        if (value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && value.Length == Prefix.Length + 64)
        {
            try
            {
                return Convert.FromHexString(value.AsSpan(Prefix.Length));
            }
            catch (FormatException)
            {
                // Not hex after all: then it is a key that happens to start with "sha256:".
            }
        }

        return Of(value);
    }

    public static string Format(string key) => Prefix + Convert.ToHexStringLower(Of(key));
}
