using k8s;
using k8s.Models;
using LbOperator.Kubernetes.Mapping;

namespace LbOperator.Kubernetes.Tests.Mapping;

public class EndpointSliceMapperTests
{
    [Fact]
    public void A_slice_without_the_service_name_label_maps_to_null()
    {
        var slice = new V1EndpointSlice { Metadata = new V1ObjectMeta { Name = "orphan", NamespaceProperty = "shop" }, Endpoints = [] };

        Assert.Null(EndpointSliceMapper.Map(slice));
    }

    [Fact]
    public void The_service_name_comes_from_the_label_and_all_endpoints_are_kept()
    {
        var info = EndpointSliceMapper.Map(Slice(
            Endpoint("10.0.0.1", pod: "web-1"),
            Endpoint("10.0.0.2", pod: "web-2")));

        Assert.NotNull(info);
        Assert.Equal(("shop", "web-abc12", "web"), (info.Namespace, info.Name, info.ServiceName));
        Assert.Equal(["web-1", "web-2"], info.Endpoints.Select(e => e.Id));
    }

    [Fact]
    public void The_address_family_and_addresses_are_kept_because_kube_proxy_keys_endpoints_by_address()
    {
        var slice = Slice(Endpoint("fd00::1", pod: "web-1"));
        slice.AddressType = "IPv6";

        var info = EndpointSliceMapper.Map(slice);

        Assert.NotNull(info);
        Assert.Equal("IPv6", info.AddressType);
        Assert.Equal(["fd00::1"], info.Endpoints[0].Addresses!);
        Assert.Equal("fd00::1", info.Endpoints[0].Key);
    }

    [Theory]
    [InlineData("Pod", "web-1", "10.0.0.1", "web-1")]
    [InlineData(null, null, "10.0.0.1", "10.0.0.1")]
    [InlineData("Node", "node-a", "10.0.0.1", "10.0.0.1")]
    public void Endpoint_id_is_the_pod_name_else_the_first_address(string? targetKind, string? targetName, string address, string expected)
    {
        var endpoint = new V1Endpoint
        {
            Addresses = [address, "10.9.9.9"],
            TargetRef = targetKind is null ? null : new V1ObjectReference { Kind = targetKind, Name = targetName },
        };

        var info = EndpointSliceMapper.Map(Slice(endpoint))!;

        Assert.Equal(expected, info.Endpoints[0].Id);
    }

    [Theory]
    [InlineData("Pod", "web-1", "shop", "shop/web-1")]
    [InlineData("Pod", "web-1", null, "shop/web-1")]
    [InlineData("Pod", "web-1", "other", "other/web-1")]
    [InlineData("Node", "node-a", null, null)]
    [InlineData(null, null, null, null)]
    public void The_pod_comes_from_the_target_ref_in_the_slice_namespace_unless_it_names_one(string? targetKind, string? targetName, string? targetNamespace, string? expected)
    {
        var endpoint = new V1Endpoint
        {
            Addresses = ["10.0.0.1"],
            TargetRef = targetKind is null ? null : new V1ObjectReference { Kind = targetKind, Name = targetName, NamespaceProperty = targetNamespace },
        };

        var info = EndpointSliceMapper.Map(Slice(endpoint))!;

        Assert.Equal(expected, info.Endpoints[0].Pod?.ToString());
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(true, true, false)]
    [InlineData(false, true, true)]
    [InlineData(false, false, true)]
    public void Conditions_are_kept_exactly_as_written(bool? ready, bool? serving, bool? terminating)
    {
        var endpoint = Endpoint("10.0.0.1", pod: "web-1");
        endpoint.Conditions = ready is null && serving is null && terminating is null
            ? null
            : new V1EndpointConditions { Ready = ready, Serving = serving, Terminating = terminating };

        var mapped = EndpointSliceMapper.Map(Slice(endpoint))!.Endpoints[0];

        Assert.Equal((ready, serving, terminating), (mapped.Ready, mapped.Serving, mapped.Terminating));
    }

    [Fact]
    public void Node_zone_and_hints_are_read_from_a_yaml_manifest()
    {
        var slice = KubernetesYaml.Deserialize<V1EndpointSlice>("""
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: web-abc12
              namespace: shop
              labels:
                kubernetes.io/service-name: web
            addressType: IPv4
            endpoints:
            - addresses: ["10.0.0.1"]
              conditions: {ready: true}
              nodeName: node-a
              zone: eu-west-1a
              targetRef: {kind: Pod, name: web-1}
              hints:
                forZones: [{name: eu-west-1a}, {name: eu-west-1b}]
                forNodes: [{name: node-a}]
            - addresses: ["10.0.0.2"]
            """);

        var info = EndpointSliceMapper.Map(slice)!;

        var hinted = info.Endpoints[0];
        Assert.Equal(("web-1", "node-a", "eu-west-1a", (bool?)true), (hinted.Id, hinted.NodeName, hinted.Zone, hinted.Ready));
        Assert.Equal(["eu-west-1a", "eu-west-1b"], hinted.HintZones);
        Assert.Equal(["node-a"], hinted.HintNodes);
        var bare = info.Endpoints[1];
        Assert.Equal(("10.0.0.2", null, null, null), (bare.Id, bare.NodeName, bare.Zone, bare.Ready));
        Assert.Empty(bare.HintZones);
        Assert.Empty(bare.HintNodes);
    }

    private static V1Endpoint Endpoint(string address, string pod) =>
        new() { Addresses = [address], TargetRef = new V1ObjectReference { Kind = "Pod", Name = pod } };

    private static V1EndpointSlice Slice(params V1Endpoint[] endpoints) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "web-abc12",
            NamespaceProperty = "shop",
            Labels = new Dictionary<string, string> { [EndpointSliceMapper.ServiceNameLabel] = "web" },
        },
        AddressType = "IPv4",
        Endpoints = endpoints,
    };
}
