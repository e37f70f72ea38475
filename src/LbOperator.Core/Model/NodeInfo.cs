namespace LbOperator.Core.Model;

/// <summary>A Node: its <c>topology.kubernetes.io/zone</c> label and allocatable CPU in cores.</summary>
public sealed record NodeInfo(string Name, string? Zone, double AllocatableCpuCores);
