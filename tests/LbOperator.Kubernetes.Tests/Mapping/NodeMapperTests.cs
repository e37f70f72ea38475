using k8s.Models;
using LbOperator.Kubernetes.Mapping;

namespace LbOperator.Kubernetes.Tests.Mapping;

public class NodeMapperTests
{
    [Theory]
    [InlineData("3800m", 3.8)]
    [InlineData("4", 4.0)]
    [InlineData("1500m", 1.5)]
    [InlineData("250m", 0.25)]
    [InlineData(null, 0.0)]
    public void Allocatable_cpu_is_parsed_to_cores(string? cpu, double expected)
    {
        var node = new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "node-a" },
            Status = new V1NodeStatus
            {
                Allocatable = cpu is null
                    ? new Dictionary<string, ResourceQuantity> { ["memory"] = new("16Gi") }
                    : new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpu), ["memory"] = new("16Gi") },
            },
        };

        Assert.Equal(expected, NodeMapper.Map(node).AllocatableCpuCores, precision: 9);
    }

    [Theory]
    [InlineData("eu-west-1a", "eu-west-1a")]
    [InlineData(null, null)]
    public void Zone_comes_from_the_topology_label(string? zone, string? expected)
    {
        var labels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "node-a" };
        if (zone is not null)
        {
            labels[NodeMapper.ZoneLabel] = zone;
        }

        var info = NodeMapper.Map(new V1Node { Metadata = new V1ObjectMeta { Name = "node-a", Labels = labels } });

        Assert.Equal(("node-a", expected), (info.Name, info.Zone));
    }

    [Theory]
    [InlineData("aws:///eu-west-1a/i-0abc")]
    [InlineData(null)]
    public void The_provider_id_names_the_cloud(string? providerId)
    {
        var info = NodeMapper.Map(new V1Node { Metadata = new V1ObjectMeta { Name = "node-a" }, Spec = new V1NodeSpec { ProviderID = providerId } });

        Assert.Equal(providerId, info.ProviderId);
    }

    [Fact]
    public void A_node_without_status_has_no_allocatable_cpu()
    {
        var info = NodeMapper.Map(new V1Node { Metadata = new V1ObjectMeta { Name = "node-a" } });

        Assert.Equal(0, info.AllocatableCpuCores);
    }
}
