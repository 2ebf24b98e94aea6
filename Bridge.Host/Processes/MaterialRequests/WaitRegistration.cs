namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>A request's wait for stock was registered; <see cref="Added"/> are materials it did not wait for before.</summary>
public sealed record WaitRegistration(IReadOnlyList<string> Added);
