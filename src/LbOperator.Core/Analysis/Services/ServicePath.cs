namespace LbOperator.Core.Analysis.Services;

/// <summary>How traffic reaches a Service's pods, which decides the parts of its model that apply.</summary>
internal enum ServicePath
{
    /// <summary>The Service's own entry point: its load balancer, then its traffic policies.</summary>
    Own,

    /// <summary>A proxy that balances over the ready pods itself (ingress-nginx, Gateways, IP targets): all equal.</summary>
    Pods,

    /// <summary>A proxy that sends to the ClusterIP (service-upstream): kube-proxy, internal policy and topology apply.</summary>
    ClusterIp,

    /// <summary>A load balancer that sends evenly to the nodes' NodePort (instance targets): externalTrafficPolicy applies.</summary>
    NodePort,
}
