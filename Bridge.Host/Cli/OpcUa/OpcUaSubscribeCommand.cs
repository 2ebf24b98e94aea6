using System.CommandLine;
using System.Threading.Channels;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;

namespace Bridge.Host.Cli.OpcUa;

/// <summary><c>opcua subscribe URL NODE... [--count N]</c>: prints value changes until N arrived or Ctrl+C.</summary>
internal static class OpcUaSubscribeCommand
{
    public static Command Create()
    {
        var nodes = new Argument<string[]>("nodes") { Description = "NodeIds or browse paths", Arity = ArgumentArity.OneOrMore };
        var count = new Option<int?>("--count") { Description = "Stop after this many values" };
        var interval = new Option<int>("--interval") { Description = "Publishing and sampling interval in ms", DefaultValueFactory = _ => 500 };
        var absolute = new Option<double?>("--deadband-absolute") { Description = "Report only changes larger than this" };
        var percent = new Option<double?>("--deadband-percent") { Description = "Report only changes larger than this % of the node's EURange" };
        var command = new Command("subscribe", "Print value changes of nodes.");
        OpcUaCliOptions.AddCommon(command);
        command.Arguments.Add(nodes);
        command.Options.Add(count);
        command.Options.Add(interval);
        command.Options.Add(absolute);
        command.Options.Add(percent);
        command.SetAction((parse, ct) => OpcUaCliOptions.RunAsync(parse, async (client, output) =>
        {
            var json = parse.GetValue(OpcUaCliOptions.Json);
            var (deadband, deadbandValue) = parse.GetValue(absolute) is { } a ? (DeadbandType.Absolute, a)
                : parse.GetValue(percent) is { } p ? (DeadbandType.Percent, p) : (DeadbandType.None, 0);
            var ms = parse.GetValue(interval);
            var values = Channel.CreateUnbounded<string>();
            var settings = new SubscriptionSettings { PublishingInterval = TimeSpan.FromMilliseconds(ms) };
            await using var subscription = await client.CreateSubscriptionAsync(settings, change =>
            {
                var view = DataValueView.From(change.Item.Key, change.Value);
                values.Writer.TryWrite(json ? view.ToJson() : view.ToLine());
            }, e => values.Writer.TryWrite($"# {e.Kind}: {e.Detail}"), ct).ConfigureAwait(false);
            var requests = new List<MonitoredItemRequest>();
            foreach (var text in parse.GetValue(nodes)!)
            {
                var id = await client.ResolveNodeAsync(text, ct).ConfigureAwait(false);
                requests.Add(new MonitoredItemRequest(id) { Key = text, SamplingInterval = ms, DeadbandType = deadband, DeadbandValue = deadbandValue });
            }
            var items = await subscription.AddItemsAsync(requests, ct).ConfigureAwait(false);
            var limit = parse.GetValue(count);
            var seen = 0;
            try
            {
                await foreach (var line in values.Reader.ReadAllAsync(ct).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(line).ConfigureAwait(false);
                    if (!line.StartsWith('#') && ++seen >= limit)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            return items.Any(i => i.Status.IsBad) ? 1 : 0;
        }, ct));
        return command;
    }
}
