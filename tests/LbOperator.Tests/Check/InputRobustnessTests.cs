using System.Text.Json;
using LbOperator.Tests.Commands;

namespace LbOperator.Tests.Check;

/// <summary>Inputs that used to pass silently or stop the whole run.</summary>
public sealed class InputRobustnessTests : IDisposable
{
    internal const string Service = "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n";

    internal const string Slice = "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: web-1\n  namespace: shop\n  labels: {kubernetes.io/service-name: web}\naddressType: IPv4\nendpoints:\n- addresses: [10.0.0.1]\n  nodeName: node-a\n";

    private readonly string _root = Directory.CreateTempSubdirectory("lb-robust-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("\uFEFF" + Service)]
    [InlineData("apiVersion: v1\nkind: Node\nmetadata: {name: node-a}\n---\n\uFEFF" + Service)]
    public void A_byte_order_mark_where_a_document_starts_is_ignored(string yaml)
    {
        var result = CheckInvocation.RunWithStdin(yaml, "check", "-f", "-", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["shop/web"], EntryPoints(result));
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    public void Items_of_a_typed_list_take_their_kind_from_the_list(string format)
    {
        var yaml = "apiVersion: v1\nitems:\n- metadata: {name: web, namespace: shop}\n  spec: {type: ClusterIP}\nkind: ServiceList\nmetadata: {resourceVersion: \"1\"}\n";
        var json = """{"apiVersion": "v1", "items": [{"metadata": {"name": "web", "namespace": "shop"}}], "kind": "ServiceList"}""";

        var result = CheckInvocation.RunWithStdin(format == "yaml" ? yaml : json, "check", "-f", "-", "-o", "json");

        Assert.Equal(["shop/web"], EntryPoints(result));
    }

    [Fact]
    public void An_anchor_in_one_list_item_can_be_used_in_another()
    {
        var yaml = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a, namespace: shop, labels: &sel {app: web}}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: b, namespace: shop, labels: *sel}\n";

        var result = CheckInvocation.RunWithStdin(yaml, "check", "-f", "-", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["shop/a", "shop/b"], EntryPoints(result));
    }

    [Fact]
    public void An_unknown_anchor_is_named_with_a_star()
    {
        var result = CheckInvocation.RunWithStdin(Service + "spec: {selector: *sel}\n", "check", "-f", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("*sel", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("$sel", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Namespace_flag_sets_the_namespace_of_objects_without_one()
    {
        var yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n" + Slice;

        var result = CheckInvocation.RunWithStdin(yaml, "check", "-f", "-", "-n", "shop", "-o", "json");

        Assert.Equal(["shop/web"], EntryPoints(result));
        Assert.Equal([true], EndpointsKnown(result));
    }

    [Fact]
    public void A_service_unknown_in_default_while_its_slices_are_in_another_namespace_gets_a_hint()
    {
        var yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n" + Slice;

        var result = CheckInvocation.RunWithStdin(yaml, "check", "-f", "-", "-o", "json");

        Assert.Contains("slices for a Service web exist in namespace shop", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("-n shop", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}\n", "Ingress extensions/v1beta1")]
    [InlineData("apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: HTTPRoute\nmetadata: {name: web}\n", "HTTPRoute gateway.networking.k8s.io/v1alpha2")]
    [InlineData("apiVersion: discovery.k8s.io/v1beta1\nkind: EndpointSlice\nmetadata: {name: web}\n", "EndpointSlice discovery.k8s.io/v1beta1")]
    [InlineData("apiVersion: v1\nkind: Endpoints\nmetadata: {name: web}\n", "v1 Endpoints are not read (EndpointSlices are)")]
    public void Known_kinds_in_a_version_that_is_not_read_are_named_with_their_version(string yaml, string expected)
    {
        var result = CheckInvocation.RunWithStdin(yaml, "check", "-f", "-", "-o", "json");

        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_object_is_noted_with_the_copy_that_won()
    {
        var result = CheckInvocation.RunWithStdin(Service + "---\n" + Service, "check", "-f", "-", "-o", "json");

        Assert.Contains("Service shop/web is defined twice", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("<stdin>:5 wins over <stdin>:1", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("values.yaml", "~\n", "null")]
    [InlineData("patch.yaml", "- op: replace\n  path: /spec/replicas\n  value: 3\n", "a sequence")]
    [InlineData("events.json", "{\"ts\": 1, \"msg\": \"a\"}\n{\"ts\": 2, \"msg\": \"b\"}\n", "(no kind)")]
    public void A_document_that_is_not_an_object_is_skipped_with_a_note(string file, string text, string note)
    {
        Write(file, text);
        Write("svc.yaml", Service);

        var result = CheckInvocation.Run("check", "-f", _root, "-o", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(note, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["shop/web"], EntryPoints(result));
    }

    internal static string[] EntryPoints(CheckInvocation result)
    {
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.GetProperty("entryPoints").EnumerateArray()
            .Select(e => $"{e.GetProperty("namespace").GetString()}/{e.GetProperty("name").GetString()}")
            .ToArray();
    }

    internal static bool[] EndpointsKnown(CheckInvocation result)
    {
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.GetProperty("entryPoints").EnumerateArray()
            .Select(e => e.TryGetProperty("endpointsKnown", out var known) && known.GetBoolean())
            .ToArray();
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
