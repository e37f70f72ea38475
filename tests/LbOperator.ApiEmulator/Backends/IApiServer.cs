using k8s;

namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// A Kubernetes API server for integration tests: the in-process emulator or a real kube-apiserver
/// started as envtest does. Tests seed through the real API (<see cref="ApiSeeding"/>), so the same
/// test runs on both.
/// </summary>
public interface IApiServer : IAsyncDisposable
{
    /// <summary><c>emulator</c> or <c>envtest</c>.</summary>
    string Name { get; }

    /// <summary>The emulator itself (faults, history compaction), or null on a real API server.</summary>
    KubeApiEmulator? Emulator { get; }

    KubernetesClientConfiguration ClientConfiguration();

    /// <summary>Makes HTTPRoutes servable: the emulator's switch, or the Gateway API CRDs applied and established.</summary>
    Task InstallGatewayApiAsync(CancellationToken cancellationToken);

    /// <summary>Makes a report API servable: <c>wgpolicyk8s.io</c> (PolicyReport) or <c>openreports.io</c> (Report).</summary>
    Task InstallReportApiAsync(string group, CancellationToken cancellationToken);
}
