namespace LbOperator.Core.Model;

/// <summary>A Node: its <c>topology.kubernetes.io/zone</c> label and allocatable CPU in cores.</summary>
/// <param name="ProviderId"><c>spec.providerID</c> (<c>aws://…</c>, <c>gce://…</c>, <c>azure://…</c>): the cloud that runs the cluster.</param>
public sealed record NodeInfo(string Name, string? Zone, double AllocatableCpuCores, string? ProviderId = null);
