using k8s.Models;
using LbOperator.Operator.Changes;

namespace LbOperator.Operator.Tests.Changes;

public sealed class ServiceConfigExtractorTests
{
    [Fact]
    public void A_bare_service_reads_with_the_api_server_defaults()
    {
        var config = ServiceConfigExtractor.Extract(new V1Service { Metadata = new V1ObjectMeta { Name = "web" }, Spec = new V1ServiceSpec() });

        Assert.Equal(
            ["type=ClusterIP", "externalTrafficPolicy=Cluster", "internalTrafficPolicy=Cluster", "sessionAffinity=None"],
            config.Fields.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    [Fact]
    public void Every_load_balancing_field_is_read_in_a_fixed_order()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web",
                Annotations = new Dictionary<string, string>
                {
                    ["service.kubernetes.io/topology-mode"] = "Auto",
                    ["service.beta.kubernetes.io/aws-load-balancer-type"] = "nlb",
                    ["kubectl.kubernetes.io/last-applied-configuration"] = "{}",
                },
            },
            Spec = new V1ServiceSpec
            {
                Type = "LoadBalancer",
                ExternalTrafficPolicy = "Local",
                InternalTrafficPolicy = "Local",
                TrafficDistribution = "PreferClose",
                SessionAffinity = "ClientIP",
                LoadBalancerClass = "service.k8s.aws/nlb",
                Selector = new Dictionary<string, string> { ["tier"] = "front", ["app"] = "web" },
                Ports =
                [
                    new V1ServicePort { Name = "https", Port = 443, Protocol = "TCP", TargetPort = "8443", NodePort = 31443 },
                    new V1ServicePort { Name = "http", Port = 80, Protocol = "TCP", TargetPort = 8080, NodePort = 31080 },
                ],
            },
        };

        var config = ServiceConfigExtractor.Extract(service);

        Assert.Equal(
            [
                "type=LoadBalancer",
                "externalTrafficPolicy=Local",
                "internalTrafficPolicy=Local",
                "trafficDistribution=PreferClose",
                "sessionAffinity=ClientIP",
                "loadBalancerClass=service.k8s.aws/nlb",
                "selector=app=web,tier=front",
                "ports=http:80/TCP:8080, https:443/TCP:8443",
                "service.beta.kubernetes.io/aws-load-balancer-type=nlb",
                "service.kubernetes.io/topology-mode=Auto",
            ],
            config.Fields.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    [Theory]
    [InlineData("service.kubernetes.io/topology-mode", true)]
    [InlineData("service.kubernetes.io/topology-aware-hints", true)]
    [InlineData("service.beta.kubernetes.io/azure-load-balancer-internal", true)]
    [InlineData("service.beta.kubernetes.io/do-loadbalancer-algorithm", true)]
    [InlineData("service.kubernetes.io/qcloud-loadbalancer-internal-subnetid", true)]
    [InlineData("service.kubernetes.io/load-balancer-cleanup", true)]
    [InlineData("cloud.google.com/l4-rbs", true)]
    [InlineData("networking.gke.io/load-balancer-type", true)]
    [InlineData("load-balancer.hetzner.cloud/algorithm-type", true)]
    [InlineData("metallb.universe.tf/address-pool", true)]
    [InlineData("service.kubernetes.io/headless", false)]
    [InlineData("kubectl.kubernetes.io/last-applied-configuration", false)]
    [InlineData("lb-operator.io/max-skew", false)]
    public void Service_annotations_count_when_they_steer_load_balancing(string key, bool counts) =>
        Assert.Equal(counts, LoadBalancingAnnotations.IsServiceAnnotation(key));

    [Fact]
    public void A_node_port_allocation_is_not_a_load_balancing_field()
    {
        var before = new V1Service { Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }] } };
        var after = new V1Service { Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80, NodePort = 30080 }] } };

        Assert.Empty(ConfigDiff.Compare(ServiceConfigExtractor.Extract(before), ServiceConfigExtractor.Extract(after)));
    }
}
