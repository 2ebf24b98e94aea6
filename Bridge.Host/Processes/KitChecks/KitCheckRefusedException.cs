namespace Bridge.Host.Processes.KitChecks;

/// <summary>A kit check asked for on the bus that cannot be answered; the message names the order and why.</summary>
public sealed class KitCheckRefusedException(string message) : Exception(message);
