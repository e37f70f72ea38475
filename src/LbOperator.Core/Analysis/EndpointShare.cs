using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis;

/// <summary>The expected fraction of an entry point's requests that one endpoint receives.</summary>
/// <param name="Pod">The endpoint's Pod (its <c>targetRef</c>), which observed traffic is joined on; null when unknown.</param>
public sealed record EndpointShare(string Namespace, string Service, string Endpoint, string? Node, string? Zone, double Share, PodRef? Pod = null);
