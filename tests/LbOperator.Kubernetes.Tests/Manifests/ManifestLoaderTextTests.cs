using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Kubernetes.Tests.Manifests;

public class ManifestLoaderTextTests
{
    [Fact]
    public void Several_documents_are_read_with_the_line_each_one_starts_on()
    {
        var set = ManifestLoader.LoadText("""
            # leading comment
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: node-a}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: split, namespace: shop}
            spec:
              rules: [{backendRefs: [{name: web, port: 80}]}]
            """, "deploy/app.yaml");

        Assert.Equal(
            [("Service", 2), ("Node", 6), ("HTTPRoute", 10)],
            set.Objects.Select(o => (o.Kind, o.Source.Line)));
        Assert.All(set.Objects, o => Assert.Equal("deploy/app.yaml", o.Source.File));
        Assert.IsType<HttpRouteInfo>(set.Objects[2].Mapped);
        Assert.Equal(new SourceLocation("deploy/app.yaml", 10), set.SourceOf(new ObjectRef(ObjectKind.HttpRoute, "shop", "split")));
    }

    [Fact]
    public void Helm_source_comments_name_the_template_each_document_was_rendered_from()
    {
        var set = ManifestLoader.LoadText("""
            ---
            # Source: shop/templates/service.yaml
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            ---
            # not a source comment
            apiVersion: v1
            kind: Service
            metadata: {name: api}  # Source: inline comments do not count
            ---
            # Source: shop/templates/list.yaml
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata:
                name: listed
                annotations: {note: "# Source: not a comment"}
            """, SourceLocation.StdinName);

        Assert.Equal(
            [("web", "shop/templates/service.yaml"), ("api", null), ("listed", "shop/templates/list.yaml")],
            set.Objects.Select(o => (o.Name, o.Source.RenderedFrom)));
        Assert.Equal(3, set.Objects[0].Source.Line);
    }

    [Theory]
    [InlineData("spec:\n  type: ClusterIP\n  ports: []\n# a comment line straight after a flow collection\nstatus: {}\n")]
    [InlineData("spec: {ports: []}\n  # indented\n# and not\nstatus: {loadBalancer: {}}  # inline\n")]
    public void Comments_anywhere_in_valid_yaml_are_passed_over(string rest)
    {
        var set = ManifestLoader.LoadText("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n" + rest, "x.yaml");

        Assert.Empty(set.Errors);
        Assert.Equal(("Service", "web", 1), (set.Objects.Single().Kind, set.Objects.Single().Name, set.Objects.Single().Source.Line));
    }

    // The merged mapping sets type LoadBalancer and externalTrafficPolicy Local; the Service's own keys win wherever they stand.
    [Theory]
    [InlineData("spec:\n  <<: *defaults\n", "LoadBalancer", "Local")]
    [InlineData("spec:\n  <<: *defaults\n  externalTrafficPolicy: Cluster\n", "LoadBalancer", "Cluster")]
    [InlineData("spec:\n  type: NodePort\n  <<: *defaults\n", "NodePort", "Local")]
    [InlineData("spec:\n  <<: [{type: ClusterIP}, *defaults]\n", "ClusterIP", "Local")]
    [InlineData("spec:\n  <<: {externalTrafficPolicy: Cluster}\n  type: NodePort\n", "NodePort", "Cluster")]
    public void Merge_keys_add_the_merged_fields_the_mapping_does_not_set(string spec, string type, string externalTrafficPolicy)
    {
        var set = ManifestLoader.LoadText(
            "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nx-defaults: &defaults {type: LoadBalancer, externalTrafficPolicy: Local}\n" + spec,
            "x.yaml");

        Assert.Empty(set.Errors);
        var service = Assert.IsType<ServiceInfo>(set.Objects.Single().Mapped);
        Assert.Equal((type, externalTrafficPolicy), (service.Type.ToString(), service.ExternalTrafficPolicy.ToString()));
    }

    [Fact]
    public void A_merge_key_with_a_value_that_is_no_mapping_is_an_error_at_its_line()
    {
        var set = ManifestLoader.LoadText("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  <<: 3\n", "x.yaml");

        var error = Assert.Single(set.Errors);
        Assert.Equal((5, "a merge key << takes a mapping or a list of mappings"), (error.Line, error.Message));
    }

    [Fact]
    public void A_List_contributes_each_of_its_items_with_its_own_line()
    {
        var set = ManifestLoader.LoadText("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata: {name: a}
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: a}
            - apiVersion: v1
              kind: Service
              metadata:
                name: b
              spec:
                type: LoadBalancer
            """, "list.yaml");

        Assert.Equal([("a", 4), ("b", 10)], set.Objects.Select(o => (o.Name, o.Source.Line)));
        Assert.Equal(ServiceType.LoadBalancer, set.Services[1].Type);
        Assert.Equal(new SkippedDocument("apps/v1", "Deployment", new SourceLocation("list.yaml", 7, Column: 3)), Assert.Single(set.Skipped));
    }

    [Fact]
    public void Json_with_a_list_is_read_like_yaml()
    {
        var set = ManifestLoader.LoadText("""
            {
                "apiVersion": "v1",
                "kind": "List",
                "items": [
                    {
                        "apiVersion": "discovery.k8s.io/v1",
                        "kind": "EndpointSlice",
                        "metadata": {"name": "web-1", "namespace": "shop", "labels": {"kubernetes.io/service-name": "web"}},
                        "addressType": "IPv4",
                        "endpoints": [{"addresses": ["10.0.0.1"], "conditions": {"ready": false}, "nodeName": "node-a"}]
                    }
                ]
            }
            """, "cluster.json");

        var slice = Assert.Single(set.EndpointSlices);
        Assert.Equal(("web", false, "node-a"), (slice.ServiceName, slice.Endpoints[0].Ready, slice.Endpoints[0].NodeName));
        Assert.Equal(5, set.Objects[0].Source.Line);
    }

    [Theory]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}")]
    [InlineData("apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}")]
    [InlineData("replicaCount: 3\nimage: {tag: latest}")]
    [InlineData("apiVersion: example.com/v1\nkind: Widget\nspec: {anything: [1, 2]}")]
    public void Unknown_kinds_and_non_kubernetes_documents_are_skipped(string yaml)
    {
        var set = ManifestLoader.LoadText(yaml, "x.yaml");

        Assert.Empty(set.Objects);
        Assert.Single(set.Skipped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("---\n---\n")]
    [InlineData("# Source: chart/templates/empty.yaml\n---\n")]
    [InlineData("# only a comment\n")]
    [InlineData("# one comment\n# and another, with no line end")]
    public void Empty_documents_are_ignored(string yaml)
    {
        var set = ManifestLoader.LoadText(yaml, "x.yaml");

        Assert.Empty(set.Objects);
        Assert.Empty(set.Skipped);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: web}", "Service")]
    [InlineData("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}", "Ingress")]
    [InlineData("apiVersion: gateway.networking.k8s.io/v1beta1\nkind: HTTPRoute\nmetadata: {name: web}", "HTTPRoute")]
    [InlineData("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: web}\naddressType: IPv4", "EndpointSlice")]
    public void Objects_without_a_namespace_go_to_default(string yaml, string kind)
    {
        var item = Assert.Single(ManifestLoader.LoadText(yaml, "x.yaml").Objects);

        Assert.Equal(kind, item.Kind);
        Assert.Equal("default", item.Namespace);
    }

    [Fact]
    public void Nodes_stay_cluster_scoped()
    {
        var item = Assert.Single(ManifestLoader.LoadText("apiVersion: v1\nkind: Node\nmetadata: {name: node-a}", "x.yaml").Objects);

        Assert.Null(item.Namespace);
    }

    [Fact]
    public void A_later_definition_of_the_same_object_wins()
    {
        var set = ManifestLoader.LoadText("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {type: ClusterIP}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: default}
            spec: {type: NodePort}
            """, "x.yaml");

        var service = Assert.Single(set.Services);
        Assert.Equal(ServiceType.NodePort, service.Type);
        Assert.Equal(6, set.SourceOf(service.Ref)!.Line);
    }

    [Fact]
    public void Endpoint_slices_without_the_service_label_feed_no_service()
    {
        var set = ManifestLoader.LoadText("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: manual}\naddressType: IPv4", "x.yaml");

        Assert.Equal("EndpointSlice", Assert.Single(set.Objects).Kind);
        Assert.Empty(set.EndpointSlices);
    }
}
