using System.Globalization;

namespace Bridge.Host.Infrastructure.Http;

/// <summary>
/// An id from a request, as an answer names it back (a 404's detail): whole up to <see cref="MostCharacters"/>, else its
/// start and its length, so a 100,000-character id is not sent back in full. A surrogate pair is never cut in two.
/// </summary>
public static class EchoedId
{
    public const int MostCharacters = 200;

    public static string Of(string id)
    {
        if (id.Length <= MostCharacters) return id;
        var cut = char.IsHighSurrogate(id[MostCharacters - 1]) ? MostCharacters - 1 : MostCharacters;
        return string.Create(CultureInfo.InvariantCulture, $"{id[..cut]}… ({id.Length:N0} characters)");
    }
}
