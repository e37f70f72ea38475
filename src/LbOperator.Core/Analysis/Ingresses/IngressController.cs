namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>The Ingress controllers whose balancing the model knows.</summary>
internal enum IngressController
{
    /// <summary>Another controller: one entry point per path, every ready pod equal.</summary>
    Other,

    /// <summary>ingress-nginx: paths grouped by host+path, canaries, service-upstream.</summary>
    Nginx,

    /// <summary>The AWS Load Balancer Controller's ALB: weighted forward actions, ip or instance targets.</summary>
    Alb,

    /// <summary>GKE Ingress: NEGs go to pods, instance groups to nodes.</summary>
    Gce,
}
