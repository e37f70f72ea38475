namespace LbOperator.Operator.Routing;

/// <summary>A Service by namespace and name, as backends and EndpointSlices refer to it.</summary>
internal readonly record struct ServiceKey(string Namespace, string Name);
