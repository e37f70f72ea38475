using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Kubernetes.Tests.Manifests;

public class ManifestLoaderErrorTests
{
    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n   namespace: shop\n", 5)]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: web\n", 4)]
    [InlineData("apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: Service\nspec:\n  ports:\n  - port: 80\n   - port: 81\n", 9)]
    [InlineData("{\"apiVersion\": \"v1\",\n \"kind\": \"Service\",\n \"metadata\": {\"name\": \"web\"}\n", 4)]
    public void Malformed_yaml_or_json_names_the_file_and_line(string text, int line)
    {
        var ex = Assert.Throws<ManifestException>(() => ManifestLoader.LoadText(text, "deploy/x.yaml"));

        Assert.Equal(("deploy/x.yaml", (int?)line), (ex.File, ex.Line));
        Assert.StartsWith($"deploy/x.yaml:{line}: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.DoesNotContain("(Line:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n  - port: eighty\n", 6)]
    [InlineData("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: b}\n  spec:\n    sessionAffinity: [ClientIP]\n", 11)]
    [InlineData("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  rules:\n  - backendRefs:\n    - name: web\n      weight: heavy\n", 8)]
    public void A_field_of_the_wrong_type_names_the_line_of_the_field(string text, int line)
    {
        var ex = Assert.Throws<ManifestException>(() => ManifestLoader.LoadText(text, "x.yaml"));

        Assert.Equal(line, ex.Line);
        Assert.Contains("invalid ", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- a\n- b\n", 1)]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\njust a string\n", 5)]
    [InlineData("apiVersion: v1\nkind: List\nitems: {a: b}\n", 3)]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\nmetadata: {namespace: shop}\n", 5)]
    public void A_document_that_is_not_an_object_is_an_error(string text, int line)
    {
        var ex = Assert.Throws<ManifestException>(() => ManifestLoader.LoadText(text, "x.yaml"));

        Assert.Equal(line, ex.Line);
    }
}
