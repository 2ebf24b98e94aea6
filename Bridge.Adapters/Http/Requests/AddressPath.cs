namespace Bridge.Adapters.Http.Requests;

/// <summary>
/// Joins an envelope's address (path and query) to a system's base URL so that the address cannot leave the base
/// URL's path: a <c>.</c> or <c>..</c> segment, written plainly or percent-encoded (once or more, with <c>/</c> or
/// <c>\</c> as separator), is refused, and the joined URL must still be on the base URL's scheme, host, port and path.
/// </summary>
internal static class AddressPath
{
    /// <summary>The URL to call, or null with the <paramref name="problem"/>.</summary>
    public static Uri? Join(Uri baseUri, string address, out string? problem)
    {
        var pathEnd = address.IndexOfAny(['?', '#']);
        var path = pathEnd < 0 ? address : address[..pathEnd];
        if (HasDotSegment(path))
        {
            problem = $"address '{HeaderValues.Printable(address)}' has a '.' or '..' segment";
            return null;
        }
        if (!Uri.TryCreate(baseUri.AbsoluteUri.TrimEnd('/') + "/" + address.TrimStart('/'), UriKind.Absolute, out var url))
        {
            problem = $"address '{HeaderValues.Printable(address)}' does not make a URL with base '{baseUri}'";
            return null;
        }
        var basePath = baseUri.AbsolutePath.TrimEnd('/') + "/";
        var inside = url.Scheme == baseUri.Scheme && url.IdnHost == baseUri.IdnHost && url.Port == baseUri.Port
            && (url.AbsolutePath + "/").StartsWith(basePath, StringComparison.Ordinal);
        problem = inside ? null : $"address '{HeaderValues.Printable(address)}' resolves to {url.GetLeftPart(UriPartial.Path)}, outside the base URL's path {basePath}";
        return inside ? url : null;
    }

    private static bool HasDotSegment(string path)
    {
        // Decode until stable (at most a few rounds), so %2e%2e and %252e%252e are seen as '..' too.
        var text = path;
        for (var round = 0; round < 4; round++)
        {
            if (text.Split('/', '\\').Any(segment => segment is "." or ".."))
            {
                return true;
            }
            var decoded = Uri.UnescapeDataString(text);
            if (decoded == text)
            {
                return false;
            }
            text = decoded;
        }
        return true;
    }
}
