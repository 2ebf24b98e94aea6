using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// What the host is doing when it talks to PostgreSQL, for the ledger: an HTTP request (a middleware in front of the
/// host's own names it), a consume (MassTransit's consumer activity: its consumer and message type; activities exist
/// only while <see cref="Listen"/> is on), or else a background loop, named by the nearest Bridge type on the stack.
/// </summary>
internal static partial class WorkContext
{
    private static readonly AsyncLocal<string?> Http = new();

    /// <summary>MassTransit's activities with their tags while the returned listener lives.</summary>
    public static IDisposable Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    public static string Current()
    {
        if (Http.Value is { } http)
        {
            return http;
        }

        string? consumer = null;
        string? messages = null;
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (activity.Source.Name != "MassTransit" || activity.Kind != ActivityKind.Consumer)
            {
                continue;
            }

            consumer ??= activity.GetTagItem("messaging.masstransit.consumer_type") as string;
            messages ??= activity.GetTagItem("messaging.masstransit.message_types") as string;
        }

        if (consumer is not null || messages is not null)
        {
            // The outbox filter (inbox lock, commit, delivery pass) runs in the receive activity, around the consumer's.
            return $"consume {MessageName(messages)} · {(consumer is null ? "inbox and outbox, around the consumer" : ShortType(consumer))}";
        }

        return "background · " + NearestBridgeType();
    }

    /// <summary>Names each HTTP request for the ledger before the host's own pipeline runs.</summary>
    public sealed class HttpNaming(DatabaseLedger ledger) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, pipeline) =>
            {
                if (!ledger.Recording)
                {
                    await pipeline();
                    return;
                }

                Http.Value = $"HTTP {context.Request.Method} {Ids().Replace(context.Request.Path.Value ?? "", "{id}")}";
                try
                {
                    await pipeline();
                }
                finally
                {
                    Http.Value = null;
                }
            });
            next(app);
        };
    }

    private static string MessageName(string? types)
    {
        if (types is null)
        {
            return "?";
        }

        // Bridge's pinned names are "bridge:Name:v1" (or with MassTransit's "urn:message:" before them); MassTransit's own "urn:message:Namespace:Name".
        var parts = types.Split(',')[0].Split(':');
        return parts.Length >= 2 && parts[^1].Length > 1 && parts[^1][0] == 'v' && parts[^1][1..].All(char.IsAsciiDigit) ? parts[^2] : parts[^1];
    }

    private static string ShortType(string? type)
    {
        if (type is null)
        {
            return "?";
        }

        var generic = type.IndexOf('<', StringComparison.Ordinal);
        var head = generic >= 0 ? type[..generic] : type;
        var dot = head.LastIndexOf('.');
        return (dot >= 0 ? head[(dot + 1)..] : head) + (generic >= 0 ? "<" + ShortType(type[(generic + 1)..].TrimEnd('>')) + ">" : "");
    }

    private static string NearestBridgeType()
    {
        foreach (var frame in new StackTrace(false).GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            while (type is { DeclaringType: not null } && type.Name.StartsWith('<'))
            {
                type = type.DeclaringType;
            }

            if (type?.Namespace?.StartsWith("Bridge.Host", StringComparison.Ordinal) == true)
            {
                return type.Name;
            }
        }

        return "(no Bridge frame)";
    }

    [GeneratedRegex(@"(?<=/)[^/]*\d[^/]*(?=/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Ids();
}
