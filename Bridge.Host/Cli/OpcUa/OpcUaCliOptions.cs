using System.CommandLine;
using Bridge.Adapters.OpcUa.Stack;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Session;
using Spectre.Console;

namespace Bridge.Host.Cli.OpcUa;

/// <summary>The arguments and options every <c>opcua</c> verb shares, and connecting with them.</summary>
internal static class OpcUaCliOptions
{
    public static readonly Argument<string> Url = new("url") { Description = "Endpoint URL, e.g. opc.tcp://127.0.0.1:4840/" };

    public static readonly Option<string?> User = new("--user") { Description = "User name (anonymous when omitted)" };

    public static readonly Option<string?> PasswordEnv = new("--password-env") { Description = "Name of the environment variable holding the password" };

    public static readonly Option<string> SecurityPolicy = new("--security-policy") { Description = "None, Best, Basic256Sha256, Aes128_Sha256_RsaOaep or Aes256_Sha256_RsaPss", DefaultValueFactory = _ => "None" };

    public static readonly Option<string> SecurityMode = new("--security-mode") { Description = "Best, Sign or SignAndEncrypt", DefaultValueFactory = _ => "Best" };

    public static readonly Option<string> Pki = new("--pki") { Description = "PKI folder for secured endpoints", DefaultValueFactory = _ => "pki" };

    public static readonly Option<bool> Json = new("--json") { Description = "Machine-readable output, one JSON object per line" };

    public static void AddCommon(Command command)
    {
        command.Arguments.Add(Url);
        command.Options.Add(User);
        command.Options.Add(PasswordEnv);
        command.Options.Add(Json);
        command.Options.Add(SecurityPolicy);
        command.Options.Add(SecurityMode);
        command.Options.Add(Pki);
    }

    /// <summary>Connects with the parsed options; null (after printing why) when the options are wrong.</summary>
    public static async Task<OpcUaClient?> ConnectAsync(ParseResult parse, TextWriter error, CancellationToken ct)
    {
        var identity = UserIdentity.Anonymous;
        var user = parse.GetValue(User);
        if (user is not null)
        {
            var variable = parse.GetValue(PasswordEnv);
            if (variable is null)
            {
                await error.WriteLineAsync("--user needs --password-env VAR naming the environment variable that holds the password.").ConfigureAwait(false);
                return null;
            }
            var password = Environment.GetEnvironmentVariable(variable);
            if (password is null)
            {
                await error.WriteLineAsync($"Environment variable '{variable}' (from --password-env) is not set.").ConfigureAwait(false);
                return null;
            }
            identity = UserIdentity.FromUserName(user, password);
        }
        return await OpcUaClient.ConnectAsync(new OpcUaClientOptions
        {
            EndpointUrl = parse.GetValue(Url)!,
            Identity = identity,
            Reconnect = false,
            Security = new ClientSecurityOptions { Policy = parse.GetValue(SecurityPolicy)!, Mode = parse.GetValue(SecurityMode)!, PkiDir = parse.GetValue(Pki)! },
        }, ct: ct).ConfigureAwait(false);
    }

    public static IAnsiConsole Console(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        if (!ReferenceEquals(output, System.Console.Out) || System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }
        return console;
    }

    /// <summary>Runs a verb: exit 0 on success, 1 with the reason when the server or the input said no.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<OpcUaClient, TextWriter, Task<int>> body, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            await using var client = await ConnectAsync(parse, error, ct).ConfigureAwait(false);
            return client is null ? 1 : await body(client, output).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OpcUaException or FormatException)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
