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

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                throw new HttpAdapterException($"body exceeds the limit of {maxBodyBytes} bytes", 413);
            }

            buffer.Write(chunk, 0, read);
        }

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

        return new InboundEnvelope("http", system, messageType, request.ContentType ?? "application/octet-stream", buffer.ToArray(), metadata);
    }
}
