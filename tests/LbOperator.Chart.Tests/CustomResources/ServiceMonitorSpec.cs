using k8s.Models;

namespace LbOperator.Chart.Tests.CustomResources;

public sealed class ServiceMonitorSpec
{
    public string? JobLabel { get; set; }

    public V1LabelSelector Selector { get; set; } = new();

    public NamespaceSelector? NamespaceSelector { get; set; }

    public List<ServiceMonitorEndpoint> Endpoints { get; set; } = [];
}
