namespace Bridge.Host.Domain.Kitting;

/// <summary>
/// The quantities of a kit cannot be worked with (negative, zero, too large for decimal, one material in units that do
/// not convert); the message is the reason a planner can act on, and the request is rejected with it.
/// </summary>
public sealed class KitQuantityException(string message) : Exception(message);
