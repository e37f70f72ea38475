using System.Text;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Kubernetes.Tests.Manifests;

/// <summary>
/// A large file is read in parallel parts, and a text in one streamed pass while its objects are decoded in
/// the background: either way objects, lines, anchors, parse errors and decoding errors come out in the
/// order of the input.
/// </summary>
public sealed class StreamedReadingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lb-stream-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Parts_and_background_decoding_keep_the_order_lines_anchors_and_errors_of_the_input()
    {
        var text = new StringBuilder();
        var objects = new List<(string Name, int Line)>();
        var errors = new List<(int Line, string Message)>();
        var line = 1;
        for (var i = 0; i < 9000; i++)
        {
            if (i % 1000 == 999)
            {
                text.Append($"---\napiVersion: v1\nkind: Service\nmetadata: {{name: s{i}, labels: *nope}}\n");
                errors.Add((line + 3, "unknown anchor *nope"));
                line += 4;
            }
            else if (i % 700 == 699)
            {
                text.Append($"---\napiVersion: v1\nkind: Service\nmetadata: {{name: s{i}}}\nspec:\n  ports:\n  - port: http\n");
                errors.Add((line + 6, "invalid Service: spec.ports[0].port: expected an integer"));
                line += 7;
            }
            else
            {
                text.Append($"---\n# Source: chart/templates/s{i}.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: s{i}\n  labels: &l {{app: a}}\n  annotations: *l\n");
                objects.Add(($"s{i}", line + 2));
                line += 8;
            }
        }

        var path = Path.Combine(_root, "big.yaml");
        File.WriteAllText(path, text.ToString());

        var read = ManifestLoader.Load([path], TextReader.Null);
        var fromText = ManifestLoader.LoadText(text.ToString(), path);

        Assert.True(text.Length > 2 * ChunkedYamlReader.PartChars, "the file is large enough to be read in parts");
        Assert.Equal(objects, read.Objects.Select(o => (o.Name, o.Source.Line)));
        Assert.All(read.Objects, o => Assert.Equal($"chart/templates/{o.Name}.yaml", o.Source.RenderedFrom));
        Assert.Equal(errors, read.Errors.Select(e => (e.Line, e.Message)));
        Assert.Equal(fromText.Objects.Select(o => (o.Name, o.Source)), read.Objects.Select(o => (o.Name, o.Source)));
        Assert.Equal(fromText.Diagnostics, read.Diagnostics);
    }
}
