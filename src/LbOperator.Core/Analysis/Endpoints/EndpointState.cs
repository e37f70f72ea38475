namespace LbOperator.Core.Analysis.Endpoints;

/// <summary>
/// How kube-proxy treats one endpoint. Ordered so that, when an endpoint appears in two slices,
/// the copy with the higher value wins and the merge does not depend on slice order.
/// </summary>
internal enum EndpointState
{
    Terminating,
    ServingTerminating,
    NotReady,
    Ready,
}
