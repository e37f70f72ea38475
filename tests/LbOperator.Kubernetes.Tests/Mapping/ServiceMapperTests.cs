using k8s;
using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.Mapping;

namespace LbOperator.Kubernetes.Tests.Mapping;

public class ServiceMapperTests
{
    [Theory]
    [InlineData(null, ServiceType.ClusterIP)]
    [InlineData("ClusterIP", ServiceType.ClusterIP)]
    [InlineData("NodePort", ServiceType.NodePort)]
    [InlineData("LoadBalancer", ServiceType.LoadBalancer)]
    [InlineData("ExternalName", ServiceType.ExternalName)]
    public void Type_is_mapped_and_defaults_to_ClusterIP(string? type, ServiceType expected)
    {
        var info = ServiceMapper.Map(Service(new V1ServiceSpec { Type = type }));

        Assert.Equal(expected, info.Type);
    }

    [Theory]
    [InlineData(null, null, TrafficPolicy.Cluster, TrafficPolicy.Cluster)]
    [InlineData("Local", null, TrafficPolicy.Local, TrafficPolicy.Cluster)]
    [InlineData("Cluster", "Local", TrafficPolicy.Cluster, TrafficPolicy.Local)]
    [InlineData(null, "Cluster", TrafficPolicy.Cluster, TrafficPolicy.Cluster)]
    public void Traffic_policies_default_to_Cluster(string? external, string? @internal, TrafficPolicy expectedExternal, TrafficPolicy expectedInternal)
    {
        var info = ServiceMapper.Map(Service(new V1ServiceSpec { ExternalTrafficPolicy = external, InternalTrafficPolicy = @internal }));

        Assert.Equal(expectedExternal, info.ExternalTrafficPolicy);
        Assert.Equal(expectedInternal, info.InternalTrafficPolicy);
    }

    [Fact]
    public void The_load_balancer_class_and_ports_are_kept_for_the_load_balancer_step_and_backend_ports()
    {
        var info = ServiceMapper.Map(Service(new V1ServiceSpec
        {
            LoadBalancerClass = "service.k8s.aws/nlb",
            Ports = [new V1ServicePort { Name = "http", Port = 80 }, new V1ServicePort { Port = 9090 }],
        }));

        Assert.Equal("service.k8s.aws/nlb", info.LoadBalancerClass);
        Assert.Equal([new ServicePortInfo("http", 80), new ServicePortInfo(null, 9090)], info.Ports);
    }

    [Fact]
    public void A_service_without_ports_in_the_input_leaves_them_unknown()
    {
        Assert.Null(ServiceMapper.Map(Service(new V1ServiceSpec())).Ports);
    }

    [Theory]
    [InlineData(null, SessionAffinity.None)]
    [InlineData("None", SessionAffinity.None)]
    [InlineData("ClientIP", SessionAffinity.ClientIP)]
    public void Session_affinity_defaults_to_None(string? affinity, SessionAffinity expected)
    {
        var info = ServiceMapper.Map(Service(new V1ServiceSpec { SessionAffinity = affinity }));

        Assert.Equal(expected, info.SessionAffinity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("PreferClose")]
    [InlineData("PreferSameZone")]
    [InlineData("PreferSameNode")]
    public void Traffic_distribution_is_kept_as_written(string? distribution)
    {
        var info = ServiceMapper.Map(Service(new V1ServiceSpec { TrafficDistribution = distribution }));

        Assert.Equal(distribution, info.TrafficDistribution);
    }

    [Fact]
    public void A_service_without_spec_gets_every_default()
    {
        var info = ServiceMapper.Map(new V1Service { Metadata = new V1ObjectMeta { Name = "web" } });

        Assert.Equal(new ServiceInfo("default", "web", ServiceType.ClusterIP, TrafficPolicy.Cluster, TrafficPolicy.Cluster, null, SessionAffinity.None, info.Annotations), info);
        Assert.Empty(info.Annotations);
    }

    [Fact]
    public void Namespace_name_and_annotations_come_from_a_yaml_manifest()
    {
        var service = KubernetesYaml.Deserialize<V1Service>("""
            apiVersion: v1
            kind: Service
            metadata:
              name: checkout
              namespace: shop
              annotations:
                service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
                lb-operator.io/max-skew: "3"
            spec:
              type: LoadBalancer
              externalTrafficPolicy: Local
              ports:
              - port: 80
            """);

        var info = ServiceMapper.Map(service);

        Assert.Equal(("shop", "checkout"), (info.Namespace, info.Name));
        Assert.Equal((ServiceType.LoadBalancer, TrafficPolicy.Local), (info.Type, info.ExternalTrafficPolicy));
        Assert.Equal("ip", info.Annotations["service.beta.kubernetes.io/aws-load-balancer-nlb-target-type"]);
        Assert.Equal("3", info.Annotations["lb-operator.io/max-skew"]);
    }

    private static V1Service Service(V1ServiceSpec spec) =>
        new() { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "shop" }, Spec = spec };
}
