using Bridge.Host.Cli;

var parse = BridgeCommandLine.Create().Parse(args);
if (parse.Errors.Count > 0 && !args.Contains("--help") && !args.Contains("-h"))
{
    // Exit 2: the command was used wrongly (1 means the input or configuration was wrong).
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine("Run with --help for usage.");
    return 2;
}

return await parse.InvokeAsync();
