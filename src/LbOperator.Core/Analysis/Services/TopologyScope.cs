namespace LbOperator.Core.Analysis.Services;

/// <summary>The locality a Service asks kube-proxy to prefer.</summary>
internal enum TopologyScope
{
    None,
    Zone,
    Node,
}
