namespace LbOperator.Operator.Events;

/// <summary>Who writes the Events: the component <c>lb-operator</c> and this replica (its pod name).</summary>
public sealed record EventSource(string Component, string Instance)
{
    public const string OperatorComponent = "lb-operator";

    /// <summary>The pod name from <c>POD_NAME</c> (set by the chart through the downward API), else the host name.</summary>
    public static EventSource FromEnvironment() =>
        new(OperatorComponent, Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : Environment.MachineName);
}
