using System.CommandLine;
using System.Text.Json;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Spectre.Console;

namespace Bridge.Host.Cli.OpcUa;

/// <summary><c>opcua browse URL [NODE]</c>: the children of a node (Objects when omitted).</summary>
internal static class OpcUaBrowseCommand
{
    public static Command Create()
    {
        var node = new Argument<string?>("node") { Description = "NodeId (ns=1;s=X) or browse path (/Objects/1:Line1); default Objects", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("browse", "List the children of a node.");
        OpcUaCliOptions.AddCommon(command);
        command.Arguments.Add(node);
        command.SetAction((parse, ct) => OpcUaCliOptions.RunAsync(parse, async (client, output) =>
        {
            var text = parse.GetValue(node);
            var start = text is null ? new NodeId(WellKnownNodeIds.ObjectsFolder) : await client.ResolveNodeAsync(text, ct).ConfigureAwait(false);
            var references = await client.BrowseAsync(start, ct).ConfigureAwait(false);
            if (parse.GetValue(OpcUaCliOptions.Json))
            {
                foreach (var r in references)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(new { browseName = r.BrowseName.ToString(), nodeClass = r.NodeClass.ToString(), nodeId = r.NodeId.ToString(), typeDefinition = r.TypeDefinition.ToString() })).ConfigureAwait(false);
                }
                return 0;
            }
            var table = new Table().AddColumns("BrowseName", "NodeClass", "NodeId", "TypeDefinition");
            foreach (var r in references)
            {
                table.AddRow(Markup.Escape(r.BrowseName.ToString()), r.NodeClass.ToString(), Markup.Escape(r.NodeId.ToString()), Markup.Escape(r.TypeDefinition.ToString()));
            }
            var console = OpcUaCliOptions.Console(output);
            console.Write(table);
            console.WriteLine($"{references.Count} references of {start}");
            return 0;
        }, ct));
        return command;
    }
}
