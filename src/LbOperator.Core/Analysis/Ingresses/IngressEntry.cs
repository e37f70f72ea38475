using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>
/// One Ingress entry point: a host+path with its main Ingress and, for nginx, at most one canary;
/// or an Ingress's default backend. <see cref="Main"/> is null for a canary that has no main.
/// </summary>
internal sealed class IngressEntry(string name, IngressController controller)
{
    public string Name { get; } = name;

    public IngressController Controller { get; } = controller;

    public bool Nginx => Controller == IngressController.Nginx;

    public IngressInfo? Main { get; set; }

    public IngressBackendInfo? MainBackend { get; set; }

    public IngressInfo? Canary { get; set; }

    public IngressBackendInfo? CanaryBackend { get; set; }

    public List<string> Notes { get; } = [];

    public IngressInfo Owner => Main ?? Canary!;
}
