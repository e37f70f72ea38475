using System.Text;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Kubernetes.Tests.Manifests;

/// <summary>
/// JSON is read in blocks: whatever the block size, even a byte at a time, every object, item, note and
/// error comes out the same, with the same lines and columns.
/// </summary>
public class JsonStreamingTests
{
    private const string KubectlList = """
        {
            "apiVersion": "v1",
            "items": [
                {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"ports": [{"port": 80}]}},
                {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": {"name": "web-a", "namespace": "shop",
                    "labels": {"kubernetes.io/service-name": "web"}}, "addressType": "IPv4", "endpoints": [{"addresses": ["10.0.0.1"]}]},
                {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}},
                42
            ],
            "kind": "List",
            "metadata": {"resourceVersion": ""}
        }
        """;

    private const string TypedList = """
        {"apiVersion": "v1", "items": [{"metadata": {"name": "a", "namespace": "x"}}, {"metadata": {"name": "b"}}], "kind": "ServiceList"}
        """;

    private const string JsonLines = """
        {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}}
        null
        {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n2", "labels": {"topology.kubernetes.io/zone": "z"}}}
        [1, 2]
        "text"
        """;

    private const string CommentsAndBom = "\uFEFF// exported\n{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": {\"name\": \"c\"}}\n/* end */\n";

    private const string ObjectWithItemsField = """
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "odd"},
         "items": [{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "inner"}}], "spec": {"ports": [{"port": 81}]}}
        """;

    private const string BrokenList = """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "ok"}},
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "bad"}, "spec": {"ports": [{"port": "http"}]}},
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "cut"
        """;

    public static TheoryData<string, int> Inputs()
    {
        var data = new TheoryData<string, int>();
        foreach (var input in Texts.Keys)
        {
            foreach (var blockSize in new[] { 1, 2, 3, 7, 64 })
            {
                data.Add(input, blockSize);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Any_block_size_gives_what_one_block_gives(string input, int blockSize)
    {
        var text = Text(input);

        Assert.Equal(Read(text, JsonManifestReader.DefaultBlockSize), Read(text, blockSize));
    }

    [Theory]
    [InlineData(nameof(KubectlList), "Service/shop/web@4:9 EndpointSlice/shop/web-a@5:9 | skipped v1 ConfigMap@7:9 | x.json:8:9: skipped a List item that is not a mapping")]
    [InlineData(nameof(TypedList), "Service/x/a@1:32 Service/default/b@1:79 |  | ")]
    [InlineData(nameof(JsonLines), "Node//n1@1:1 Node//n2@3:1 |  | x.json:2:1: skipped a null document, not a Kubernetes object x.json:4:1: skipped a document that is a sequence, not a Kubernetes object x.json:5:1: skipped a document that is a scalar, not a Kubernetes object")]
    [InlineData(nameof(CommentsAndBom), "Service/default/c@2:1 |  | ")]
    [InlineData(nameof(ObjectWithItemsField), "Node//inner@2:12 Service/default/odd@1:1 |  | ")]
    [InlineData(nameof(BrokenList), "Service/default/ok@2:3 |  | x.json:3:106: invalid Service: spec.ports[0].port: expected an integer x.json:4:69: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.")]
    public void Objects_notes_and_errors_keep_their_lines_and_columns(string input, string expected)
    {
        Assert.Equal(expected, Read(Text(input), 5));
    }

    private static readonly Dictionary<string, string> Texts = new()
    {
        [nameof(KubectlList)] = KubectlList,
        [nameof(TypedList)] = TypedList,
        [nameof(JsonLines)] = JsonLines,
        [nameof(CommentsAndBom)] = CommentsAndBom,
        [nameof(ObjectWithItemsField)] = ObjectWithItemsField,
        [nameof(BrokenList)] = BrokenList,
    };

    private static string Text(string input) => Texts[input];

    private static string Read(string text, int blockSize)
    {
        var sink = new ManifestCollector(ManifestReadOptions.Default);
        Assert.True(JsonManifestReader.TryRead(new MemoryStream(Encoding.UTF8.GetBytes(text)), "x.json", sink, mustBeJson: true, blockSize));
        sink.Flush();
        return string.Join(" ", sink.Objects.Select(o => $"{o.Kind}/{o.Namespace}/{o.Name}@{o.Source.Line}:{o.Source.Column}"))
            + " | " + string.Join(" ", sink.Skipped.Select(s => $"skipped {s.ApiVersion} {s.Kind}@{s.Source.Line}:{s.Source.Column}"))
            + " | " + string.Join(" ", sink.Diagnostics);
    }
}
