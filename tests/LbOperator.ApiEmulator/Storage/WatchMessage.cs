namespace LbOperator.ApiEmulator.Storage;

/// <summary>One line of a watch stream: <c>{"type":Type,"object":Object}</c>.</summary>
public sealed record WatchMessage(string Type, byte[] Object);
