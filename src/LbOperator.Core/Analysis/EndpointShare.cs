namespace LbOperator.Core.Analysis;

/// <summary>The expected fraction of an entry point's requests that one endpoint receives.</summary>
public sealed record EndpointShare(string Namespace, string Service, string Endpoint, string? Node, string? Zone, double Share);
