namespace LbOperator.Core.Model;

/// <summary>One entry of a Service's <c>spec.ports</c>: what an Ingress or a route may name as the backend port.</summary>
public sealed record ServicePortInfo(string? Name, int Port);
