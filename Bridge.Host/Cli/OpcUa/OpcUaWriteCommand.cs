using System.CommandLine;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Host.Cli.OpcUa;

/// <summary><c>opcua write URL NODE VALUE</c>: writes text converted to the node's current data type.</summary>
internal static class OpcUaWriteCommand
{
    public static Command Create()
    {
        var node = new Argument<string>("node") { Description = "NodeId or browse path" };
        var value = new Argument<string>("value") { Description = "Value as text; arrays as JSON, e.g. [1, 2, 3]" };
        var command = new Command("write", "Write a value to a node (converted to the node's data type).");
        OpcUaCliOptions.AddCommon(command);
        command.Arguments.Add(node);
        command.Arguments.Add(value);
        command.SetAction((parse, ct) => OpcUaCliOptions.RunAsync(parse, async (client, output) =>
        {
            var id = await client.ResolveNodeAsync(parse.GetValue(node)!, ct).ConfigureAwait(false);
            var (status, variant) = await client.WriteTextAsync(id, parse.GetValue(value)!, ct).ConfigureAwait(false);
            await output.WriteLineAsync($"{id}  {VariantParser.Describe(variant)}  {variant}  {status.Name}").ConfigureAwait(false);
            return status.IsGood ? 0 : 1;
        }, ct));
        return command;
    }
}
