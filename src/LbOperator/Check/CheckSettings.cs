using LbOperator.Core.Analysis;

namespace LbOperator.Check;

/// <summary>The validated flags of one <c>lb-operator check</c> run.</summary>
/// <param name="LoadBalancer"><c>--load-balancer</c>; null leaves it to detection.</param>
internal sealed record CheckSettings(IReadOnlyList<string> Paths, OutputFormat Format, Severity FailOn, LoadBalancerImplementation? LoadBalancer = null);
