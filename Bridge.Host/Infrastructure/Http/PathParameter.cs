using Microsoft.AspNetCore.Http.Features;

namespace Bridge.Host.Infrastructure.Http;

/// <summary>
/// An id from the request path, decoded in full. Kestrel decodes a path except <c>%2F</c> (a '/' inside a segment would
/// otherwise become a separator), so the route value of lot <c>L2611/07</c>, sent as <c>L2611%2F07</c>, still reads
/// <c>L2611%2F07</c>; decoding that value once more would also turn an id with a literal <c>%2F</c> (sent as
/// <c>%252F</c>) into '/'. So when the route value still holds a '%', the parameter's segment is read from the raw
/// request target and decoded once.
/// </summary>
public static class PathParameter
{
    public static string Read(HttpContext context, string name)
    {
        var value = context.Request.RouteValues[name] as string ?? "";
        if (!value.Contains('%')
            || context.GetEndpoint() is not RouteEndpoint endpoint
            || context.Features.Get<IHttpRequestFeature>()?.RawTarget is not { } target
            || !target.StartsWith('/'))
        {
            return value;
        }

        var index = SegmentOf(endpoint, name);
        var end = target.IndexOfAny(['?', '#']);
        var segments = (end < 0 ? target : target[..end]).Split('/');
        if (index < 0 || index + 1 >= segments.Length)
        {
            return value;
        }

        // Dot segments in the raw target were removed from the routed path, so its segments no longer line up with ours.
        foreach (var segment in segments)
        {
            var decoded = Uri.UnescapeDataString(segment);
            if (decoded is "." or "..")
            {
                return value;
            }
        }

        return Uri.UnescapeDataString(segments[index + 1]);
    }

    private static int SegmentOf(RouteEndpoint endpoint, string name)
    {
        var segments = endpoint.RoutePattern.PathSegments;
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Parts is [Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: var part }] && part == name)
            {
                return i;
            }
        }

        return -1;
    }
}
