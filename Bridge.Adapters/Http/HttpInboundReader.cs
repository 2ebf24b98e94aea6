using Bridge.Adapters.Envelopes;
using Microsoft.AspNetCore.Http;

namespace Bridge.Adapters.Http;

/// <summary>Reads an inbound HTTP request into a <see cref="InboundEnvelope"/>, enforcing the size limit.</summary>
public static class HttpInboundReader
{
    public static async Task<InboundEnvelope> ReadAsync(HttpRequest request, string system, string messageType, long maxBodyBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBodyBytes)
        {
            throw new HttpAdapterException($"body of {request.ContentLength} bytes exceeds the limit of {maxBodyBytes} bytes", 413);
        }

        var body = request.ContentLength is { } length ? await ReadKnownAsync(request.Body, length, ct) : await ReadChunkedAsync(request.Body, maxBodyBytes, ct);
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["http.method"] = request.Method,
            ["http.path"] = request.Path.Value ?? "",
        };
        foreach (var (name, value) in request.Headers)
        {
            if (!name.Equals("X-Api-Key", StringComparison.OrdinalIgnoreCase) && !name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                metadata["header." + name.ToLowerInvariant()] = value.ToString();
            }
        }

        return new InboundEnvelope("http", system, messageType, request.ContentType ?? "application/octet-stream", body, metadata);
    }

    /// <summary>A body of announced length is read into one array of that size (no growing buffer and final copy).</summary>
    private static async Task<byte[]> ReadKnownAsync(Stream stream, long length, CancellationToken ct)
    {
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read), ct);
            if (n == 0)
            {
                throw new HttpAdapterException($"body ended after {read} of the {length} bytes its Content-Length announced", 400);
            }

            read += n;
        }

        return body;
    }

    private static async Task<byte[]> ReadChunkedAsync(Stream stream, long maxBodyBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                throw new HttpAdapterException($"body exceeds the limit of {maxBodyBytes} bytes", 413);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
