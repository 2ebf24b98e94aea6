using System.CommandLine;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Spectre.Console;

namespace Bridge.Host.Cli.OpcUa;

/// <summary><c>opcua read URL NODE...</c>: values with type, status and timestamps.</summary>
internal static class OpcUaReadCommand
{
    public static Command Create()
    {
        var nodes = new Argument<string[]>("nodes") { Description = "NodeIds or browse paths", Arity = ArgumentArity.OneOrMore };
        var command = new Command("read", "Read the values of nodes.");
        OpcUaCliOptions.AddCommon(command);
        command.Arguments.Add(nodes);
        command.SetAction((parse, ct) => OpcUaCliOptions.RunAsync(parse, async (client, output) =>
        {
            var texts = parse.GetValue(nodes)!;
            var ids = new List<NodeId>();
            foreach (var text in texts)
            {
                ids.Add(await client.ResolveNodeAsync(text, ct).ConfigureAwait(false));
            }
            var values = await client.ReadValuesAsync(ids, ct).ConfigureAwait(false);
            var views = ids.Select((id, i) => DataValueView.From(id.ToString(), values[i])).ToList();
            if (parse.GetValue(OpcUaCliOptions.Json))
            {
                foreach (var view in views)
                {
                    await output.WriteLineAsync(view.ToJson()).ConfigureAwait(false);
                }
            }
            else
            {
                var table = new Table().AddColumns("Node", "Type", "Value", "Status", "SourceTimestamp", "ServerTimestamp");
                foreach (var v in views)
                {
                    table.AddRow(Markup.Escape(v.Node), Markup.Escape(v.Type), Markup.Escape(v.Value), v.Status, v.SourceTimestamp, v.ServerTimestamp);
                }
                OpcUaCliOptions.Console(output).Write(table);
            }
            return values.Any(v => v.StatusCode.IsBad) ? 1 : 0;
        }, ct));
        return command;
    }
}
