using Bridge.Host.Cli;

return await BridgeCommandLine.RunAsync(args);
