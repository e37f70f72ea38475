using System.Text.Json;
using LbOperator.Tests.Commands;

namespace LbOperator.Tests.Check;

public sealed class ManifestInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lb-check-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Stdin_is_read_with_dash()
    {
        var result = CheckInvocation.RunWithStdin(File.ReadAllText(CheckInvocation.FixturePath("outage-replay.yaml")), "check", "-f", "-", "--output", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Service/shop/checkout"], FindingObjects(result));
    }

    [Fact]
    public void A_directory_is_read_recursively_and_objects_meet_across_files()
    {
        var (service, slice) = SplitServiceAndSlice();
        Write("service/checkout.yaml", service);
        Write("cluster/slices/checkout.yml", slice);
        Write("cluster/README.md", "# not a manifest: {");

        var result = CheckInvocation.Run("check", "-f", _root, "--output", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Service/shop/checkout"], FindingObjects(result));
    }

    [Fact]
    public void Several_f_flags_combine()
    {
        var (service, slice) = SplitServiceAndSlice();
        Write("a.yaml", service);
        Write("b.yaml", slice);

        var result = CheckInvocation.Run("check", "-f", Path.Combine(_root, "a.yaml"), "--file", Path.Combine(_root, "b.yaml"), "-o", "json");

        Assert.Equal(["Service/shop/checkout"], FindingObjects(result));
    }

    [Fact]
    public void A_json_List_is_read_like_its_items()
    {
        var result = CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath("outage-replay-list.json"), "--output", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["Service/shop/checkout"], FindingObjects(result));
    }

    [Fact]
    public void Unknown_kinds_are_skipped_with_a_note_on_stderr()
    {
        var yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: web}
            """;

        var result = CheckInvocation.RunWithStdin(yaml, "check", "-f", "-", "--output", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("skipped 2 documents", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Deployment ×1", result.Stderr, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, document.RootElement.GetProperty("entryPoints").GetArrayLength());
    }

    [Fact]
    public void Objects_without_namespace_are_reported_in_default()
    {
        var result = CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath("default-namespace.yaml"), "--output", "json");

        Assert.Equal(["Service/default/checkout"], FindingObjects(result));
    }

    [Fact]
    public void A_service_without_endpoint_slices_is_pointed_out_on_stderr()
    {
        var result = CheckInvocation.RunWithStdin("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n", "check", "-f", "-", "-o", "json");

        Assert.Contains("1 Service(s) have no EndpointSlice in the input (shop/web)", result.Stderr, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, document.RootElement.GetProperty("entryPoints").GetArrayLength());
    }

    [Fact]
    public void An_error_in_one_file_of_a_directory_names_that_file_and_line()
    {
        Write("ok.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n");
        Write("nested/broken.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: b\n   namespace: c\n");

        var result = CheckInvocation.Run("check", "-f", _root);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(Path.Combine(_root, "nested", "broken.yaml") + ":5:", result.Stderr, StringComparison.Ordinal);
    }

    private static string[] FindingObjects(CheckInvocation result)
    {
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("kind").GetString()}/{f.GetProperty("namespace").GetString()}/{f.GetProperty("name").GetString()}")
            .ToArray();
    }

    private static (string Service, string Slice) SplitServiceAndSlice()
    {
        var documents = File.ReadAllText(CheckInvocation.FixturePath("outage-replay.yaml")).Split("---\n");
        return (documents[0], documents[1]);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
