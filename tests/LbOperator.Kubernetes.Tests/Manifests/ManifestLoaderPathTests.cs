using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Kubernetes.Tests.Manifests;

public sealed class ManifestLoaderPathTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lb-manifests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_directory_is_read_recursively_for_yaml_yml_and_json_only()
    {
        Write("a.yaml", Service("a"));
        Write("nested/deeper/b.yml", Service("b"));
        Write("nested/c.json", """{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "c"}}""");
        Write("nested/README.md", "not: [a, manifest");
        Write("notes.txt", "{{ broken");

        var set = ManifestLoader.Load([_root], TextReader.Null);

        Assert.Equal(["a", "c", "b"], set.Services.Select(s => s.Name));
        Assert.Equal(Path.Combine(_root, "nested", "deeper", "b.yml"), set.Objects[2].Source.File);
    }

    [Fact]
    public void Dash_reads_stdin_once_and_files_and_stdin_combine()
    {
        Write("a.yaml", Service("a"));

        var set = ManifestLoader.Load([Path.Combine(_root, "a.yaml"), "-", "-"], new StringReader(Service("b")));

        Assert.Equal(["a", "b"], set.Services.Select(s => s.Name));
        Assert.True(set.Objects[1].Source.IsStdin);
    }

    [Fact]
    public void A_missing_path_is_an_error_naming_it()
    {
        var missing = Path.Combine(_root, "nope.yaml");

        var error = Assert.Single(ManifestLoader.Load([missing], TextReader.Null).Errors);

        Assert.Equal($"{missing}: no such file or directory", error.ToString());
    }

    [Fact]
    public void An_error_in_a_file_of_a_directory_names_that_file()
    {
        Write("ok.yaml", Service("a"));
        Write("sub/bad.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web\n");

        var set = ManifestLoader.Load([_root], TextReader.Null);

        var error = Assert.Single(set.Errors);
        Assert.Equal(Path.Combine(_root, "sub", "bad.yaml"), error.File);
        Assert.Equal(4, error.Line);
        Assert.Equal(["a"], set.Services.Select(s => s.Name));
    }

    private static string Service(string name) => $"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}}}\n";

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
