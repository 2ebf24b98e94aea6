namespace Bridge.Host.Demo;

/// <summary>One HTTP call Bridge made to a simulated system.</summary>
public sealed record ReceivedCall(string System, string Path, string ContentType, string Body);
