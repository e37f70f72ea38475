namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>The ingress-nginx annotations that change how a path's traffic is spread.</summary>
internal static class NginxAnnotations
{
    private const string Prefix = "nginx.ingress.kubernetes.io/";

    public const string LegacyClass = "kubernetes.io/ingress.class";
    public const string Canary = Prefix + "canary";
    public const string CanaryWeight = Prefix + "canary-weight";
    public const string CanaryWeightTotal = Prefix + "canary-weight-total";
    public const string CanaryByHeader = Prefix + "canary-by-header";
    public const string CanaryByHeaderValue = Prefix + "canary-by-header-value";
    public const string CanaryByHeaderPattern = Prefix + "canary-by-header-pattern";
    public const string CanaryByCookie = Prefix + "canary-by-cookie";
    public const string UpstreamHashBy = Prefix + "upstream-hash-by";
    public const string Affinity = Prefix + "affinity";
}
