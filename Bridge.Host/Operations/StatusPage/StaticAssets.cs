using System.Reflection;

namespace Bridge.Host.Operations.StatusPage;

/// <summary>The status page's files, compiled into the host (no separate front-end build, nothing to deploy beside it).</summary>
public static class StaticAssets
{
    private static readonly Assembly Assembly = typeof(StaticAssets).Assembly;

    public static IResult Html(string name) => File(name, "text/html; charset=utf-8");

    public static IResult File(string name, string contentType)
    {
        var stream = Assembly.GetManifestResourceStream("Bridge.Host.StatusPage." + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }
}
