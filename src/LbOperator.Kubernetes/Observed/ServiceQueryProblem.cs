using LbOperator.Core.Model;

namespace LbOperator.Kubernetes.Observed;

/// <summary>A Service's own query that could not be used this interval.</summary>
/// <param name="LacksPodLabel">True when Prometheus answered but no series had a <c>pod</c> label (a configuration error); false when the query failed.</param>
public sealed record ServiceQueryProblem(ObjectRef Service, string Query, bool LacksPodLabel, string Message);
