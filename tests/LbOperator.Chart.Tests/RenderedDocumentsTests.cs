using k8s.Models;
using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

public sealed class RenderedDocumentsTests : IDisposable
{
    private readonly HelmCli _helm = new();

    [Theory]
    [MemberData(nameof(ChartScenarios.All), MemberType = typeof(ChartScenarios))]
    public void Every_rendered_document_deserializes_strictly_into_a_typed_model(string scenario)
    {
        var chart = _helm.TemplateScenario(scenario);

        Assert.NotEmpty(chart.Objects);
        Assert.All(chart.Objects, item => Assert.IsAssignableFrom<k8s.IKubernetesObject<V1ObjectMeta>>(item));
    }

    [Theory]
    [MemberData(nameof(ChartScenarios.All), MemberType = typeof(ChartScenarios))]
    public void Namespaced_objects_land_in_the_release_namespace(string scenario)
    {
        var chart = _helm.TemplateScenario(scenario);

        var clusterScoped = new[] { "ClusterRole", "ClusterRoleBinding", "ValidatingWebhookConfiguration" };
        foreach (var item in chart.All<k8s.IKubernetesObject<V1ObjectMeta>>().Where(item => !clusterScoped.Contains(item.Kind)))
        {
            Assert.Equal(HelmCli.Namespace, item.Metadata.NamespaceProperty);
        }
    }

    [Fact]
    public void A_field_the_model_does_not_know_fails_the_read()
    {
        const string Service = """
            apiVersion: v1
            kind: Service
            metadata:
              name: typo
            spec:
              selectr:
                app: x
            """;

        var error = Assert.Throws<InvalidOperationException>(() => ManifestReader.Read(Service));

        Assert.Contains("selectr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_without_a_typed_model_fails_the_read()
    {
        const string Unknown = """
            apiVersion: example.com/v1
            kind: Gadget
            metadata:
              name: g
            """;

        var error = Assert.Throws<InvalidOperationException>(() => ManifestReader.Read(Unknown));

        Assert.Contains("example.com/v1/Gadget", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _helm.Dispose();
}
