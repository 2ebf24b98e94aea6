using Bridge.Host.Cli;

return await BridgeCommandLine.Create().Parse(args).InvokeAsync();
