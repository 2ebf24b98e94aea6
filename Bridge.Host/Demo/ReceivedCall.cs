namespace Bridge.Host.Demo;

/// <summary>One HTTP call Bridge made to a simulated system (with the Idempotency-Key it carried, when it carried one).</summary>
public sealed record ReceivedCall(string System, string Path, string ContentType, string Body, string? IdempotencyKey = null);
