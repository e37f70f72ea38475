namespace LbOperator.ApiEmulator.Backends;

/// <summary>A server exited because a port it was told to bind was taken in the meantime.</summary>
public sealed class PortTakenException(string message) : Exception(message);
