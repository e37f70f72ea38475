using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace LbOperator.Runtime.Tests;

public sealed class ManagedFieldsSkippedTests
{
    private const string Service = """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop","labels":{"app":"web"},
         "managedFields":[{"manager":"kubectl","operation":"Update","apiVersion":"v1","fieldsType":"FieldsV1",
           "fieldsV1":{"f:spec":{"f:ports":{".":{},"k:{\"port\":80,\"protocol\":\"TCP\"}":{".":{},"f:port":{}}}}}}],
         "annotations":{"lb-operator.io/ignore":"false"}},
         "spec":{"type":"LoadBalancer","externalTrafficPolicy":"Local","ports":[{"port":80}]}}
        """;

    [Fact]
    public void An_object_is_read_whole_except_its_managed_fields()
    {
        var service = JsonSerializer.Deserialize<V1Service>(Service, Options())!;

        Assert.Null(service.Metadata.ManagedFields);
        Assert.Equal(("web", "shop", "web", "false"), (service.Metadata.Name, service.Metadata.NamespaceProperty,
            service.Metadata.Labels["app"], service.Metadata.Annotations["lb-operator.io/ignore"]));
        Assert.Equal(("LoadBalancer", "Local", 80), (service.Spec.Type, service.Spec.ExternalTrafficPolicy, service.Spec.Ports[0].Port));
    }

    [Fact]
    public async Task A_list_read_from_a_stream_in_small_parts_skips_them_too()
    {
        var options = Options();
        options.DefaultBufferSize = 16;
        var list = Encoding.UTF8.GetBytes($$"""{"apiVersion":"v1","kind":"ServiceList","metadata":{"resourceVersion":"7"},"items":[{{Service}},{{Service}}]}""");

        var read = await JsonSerializer.DeserializeAsync<V1ServiceList>(new MemoryStream(list), options);

        Assert.Equal(2, read!.Items.Count);
        Assert.All(read.Items, item => Assert.Null(item.Metadata.ManagedFields));
        Assert.Equal("7", read.Metadata.ResourceVersion);
    }

    [Fact]
    public void Managed_fields_a_caller_sets_are_written_as_given()
    {
        var meta = new V1ObjectMeta { Name = "web", ManagedFields = [new V1ManagedFieldsEntry { Manager = "lb-operator", Operation = "Apply" }] };

        var written = JsonSerializer.Serialize(meta, Options());

        Assert.Contains("\"managedFields\":[{\"manager\":\"lb-operator\",\"operation\":\"Apply\"}]", written);
    }

    [Fact]
    public void Applying_it_twice_adds_one_converter()
    {
        var options = Options();

        ManagedFieldsSkipped.Apply(options);

        Assert.Single(options.Converters.OfType<ManagedFieldsSkipped>());
    }

    /// <summary>A copy of KubernetesClient's settings: the shared ones are the process's, set once at its start.</summary>
    private static JsonSerializerOptions Options()
    {
        JsonSerializerOptions? shared = null;
        KubernetesJson.AddJsonOptions(options => shared = options);
        var options = new JsonSerializerOptions(shared!);
        ManagedFieldsSkipped.Apply(options);
        return options;
    }
}
