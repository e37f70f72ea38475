using System.Text;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Kubernetes.Tests.Manifests;

/// <summary>A file large enough to be read in parallel parts gives the same objects, order and lines as one read.</summary>
public sealed class ChunkedReadingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lb-chunks-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Parts_keep_order_lines_anchors_and_errors_of_the_whole_file()
    {
        var text = new StringBuilder();
        var count = 0;
        while (text.Length < 3 * ChunkedYamlReader.PartChars)
        {
            text.Append(count % 1000 == 999
                ? $"---\napiVersion: v1\nkind: Service\nmetadata: {{name: s{count}, labels: *nope}}\n"
                : $"---\n# Source: chart/templates/s{count}.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: s{count}\n  labels: &l {{app: a}}\n  annotations: *l\n");
            count++;
        }

        var path = Path.Combine(_root, "big.yaml");
        File.WriteAllText(path, text.ToString());

        var chunked = ManifestLoader.Load([path], TextReader.Null);
        var whole = ManifestLoader.LoadText(text.ToString(), path);

        Assert.Equal(whole.Objects.Select(o => (o.Name, o.Source)), chunked.Objects.Select(o => (o.Name, o.Source)));
        Assert.Equal(whole.Diagnostics, chunked.Diagnostics);
        Assert.NotEmpty(chunked.Errors);
    }
}
