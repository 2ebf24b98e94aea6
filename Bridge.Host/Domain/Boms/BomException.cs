namespace Bridge.Host.Domain.Boms;

/// <summary>A BOM cannot be used as given (a cycle, a missing unit conversion, a phantom without components…); the message names what and where.</summary>
public sealed class BomException(string message) : Exception(message);
