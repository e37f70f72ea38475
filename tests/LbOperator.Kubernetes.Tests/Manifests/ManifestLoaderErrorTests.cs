using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Kubernetes.Tests.Manifests;

public class ManifestLoaderErrorTests
{
    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n   namespace: shop\n", 5)]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: web\n", 4)]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nspec:\n  ports:\n  - port: 80\n   - port: 81\n", 10)]
    [InlineData("{\"apiVersion\": \"v1\",\n \"kind\": \"Service\",\n \"metadata\": {\"name\": \"web\"}\n", 4)]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n\tnamespace: shop\n", 5)]
    public void Malformed_yaml_or_json_names_the_file_and_line(string text, int line)
    {
        var error = SingleError(text, "deploy/x.yaml");

        Assert.Equal(("deploy/x.yaml", line), (error.File, error.Line));
        Assert.StartsWith($"deploy/x.yaml:{line}:", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ToString());
        Assert.DoesNotContain("(Line:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n  - port: eighty\n", 6)]
    [InlineData("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: b}\n  spec:\n    sessionAffinity: [ClientIP]\n", 11)]
    [InlineData("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  rules:\n  - backendRefs:\n    - name: web\n      weight: heavy\n", 8)]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n {\"apiVersion\": \"v1\", \"kind\": \"Service\",\n  \"metadata\": {\"name\": \"a\"},\n  \"spec\": {\"ports\": [{\"port\": \"eighty\"}]}}]}\n", 4)]
    public void A_field_of_the_wrong_type_names_the_line_of_the_field(string text, int line)
    {
        var error = SingleError(text, "x.yaml");

        Assert.Equal(line, error.Line);
        Assert.Contains("invalid ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_names_the_field_and_what_was_expected()
    {
        var error = SingleError("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n  - port: eighty\n", "x.yaml");

        Assert.Equal("invalid Service: spec.ports[0].port: expected an integer", error.Message);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {namespace: shop}\n", 5)]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: a, labels: *missing}\n", 3)]
    public void An_object_that_cannot_be_read_is_an_error_and_the_others_are_kept(string text, int line)
    {
        var set = ManifestLoader.LoadText(text, "x.yaml");

        Assert.Equal(line, Assert.Single(set.Errors).Line);
    }

    [Theory]
    [InlineData("- a\n- b\n", "a document that is a sequence")]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\njust a string\n", "a document that is a scalar")]
    [InlineData("apiVersion: v1\nkind: List\nitems: [a]\n", "a List item that is not a mapping")]
    [InlineData("null\n", "a null document")]
    public void A_document_that_is_not_an_object_is_a_note(string text, string note)
    {
        var set = ManifestLoader.LoadText(text, "x.yaml");

        Assert.Empty(set.Errors);
        Assert.Contains(set.Diagnostics, d => d.Message.Contains(note, StringComparison.Ordinal));
    }

    [Fact]
    public void After_a_bad_document_the_next_documents_are_still_read()
    {
        var set = ManifestLoader.LoadText("apiVersion: v1\nkind: Service\nmetadata: {name: a, labels: *nope}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\n", "x.yaml");

        Assert.Single(set.Errors);
        Assert.Equal(["b"], set.Services.Select(s => s.Name));
    }

    // A syntax error leaves the parser lost for the rest of its document; reading starts again at the next marker,
    // including the marker an unclosed flow mapping runs into.
    [Theory]
    [InlineData(
        "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: [}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\n---\n"
        + "apiVersion: v1\nkind: Service\nmetadata: {name: c\n---\napiVersion: v1\nkind: Service\nmetadata: {name: d}\n",
        new[] { 4, 13 }, new[] { "b", "d" })]
    [InlineData("kind: [\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\n", new[] { 2 }, new[] { "b" })]
    [InlineData("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: a\n   namespace: x\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\n", new[] { 6 }, new[] { "b" })]
    public void After_a_syntax_error_the_next_documents_are_still_read(string text, int[] errorLines, string[] read)
    {
        var set = ManifestLoader.LoadText(text, "x.yaml");

        Assert.Equal(errorLines, set.Errors.Select(error => error.Line));
        Assert.Equal(read, set.Services.Select(service => service.Name));
    }

    private static InputDiagnostic SingleError(string text, string file) =>
        Assert.Single(ManifestLoader.LoadText(text, file).Errors);
}
