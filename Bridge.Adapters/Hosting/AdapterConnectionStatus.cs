namespace Bridge.Adapters.Hosting;

/// <param name="State">In the adapter's words, lower case: <c>connected</c>, <c>connecting</c>, <c>reconnecting</c>, <c>disconnected</c>, <c>off</c>, <c>stopped</c>.</param>
/// <param name="Up">True only while the connection carries messages.</param>
/// <param name="Detail">Why it is not up (the last error, or why it is off); null while up.</param>
/// <param name="Since">When it entered this state; null before the first attempt.</param>
public sealed record AdapterConnectionStatus(string State, bool Up, string? Detail, DateTimeOffset? Since);
