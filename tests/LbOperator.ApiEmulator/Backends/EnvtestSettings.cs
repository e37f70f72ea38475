namespace LbOperator.ApiEmulator.Backends;

/// <summary>How to start the real control plane beyond the envtest defaults.</summary>
public sealed record EnvtestSettings
{
    /// <summary>Also run kube-controller-manager (<c>--controllers=*,-nodelifecycle</c>), so Pods made Ready get real EndpointSlices.</summary>
    public bool ControllerManager { get; init; }

    /// <summary>Extra kube-apiserver flags, e.g. <c>--etcd-compaction-interval=10s</c>.</summary>
    public IReadOnlyList<string> ApiServerFlags { get; init; } = [];
}
