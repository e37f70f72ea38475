using k8s.Models;
using LbOperator.Chart.Tests.CustomResources;
using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

public sealed class PlainManifestsTests : IDisposable
{
    private readonly HelmCli _helm = new();

    [Fact]
    public void Committed_manifests_match_a_fresh_render_of_the_chart()
    {
        var output = Path.Combine(_helm.WorkDirectory, "manifests");
        var committed = Path.Combine(RepositoryLayout.Deploy, "manifests");

        var result = ProcessRunner.Run(Path.Combine(RepositoryLayout.Deploy, "render-manifests"), [output], new Dictionary<string, string>
        {
            ["HELM"] = RepositoryLayout.Helm,
            ["HELM_CACHE_HOME"] = Path.Combine(_helm.WorkDirectory, "cache"),
            ["HELM_CONFIG_HOME"] = Path.Combine(_helm.WorkDirectory, "config"),
            ["HELM_DATA_HOME"] = Path.Combine(_helm.WorkDirectory, "data"),
        });

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(FileNames(committed), FileNames(output));
        foreach (var name in FileNames(output))
        {
            Assert.True(
                File.ReadAllText(Path.Combine(committed, name)) == File.ReadAllText(Path.Combine(output, name)),
                $"deploy/manifests/{name} is out of date with charts/lb-operator: run `make manifests` and commit the result.");
        }
    }

    [Fact]
    public void Manifest_with_the_webhook_gets_its_certificate_from_cert_manager_and_holds_no_private_key()
    {
        var objects = ManifestReader.Read(File.ReadAllText(Path.Combine(RepositoryLayout.Deploy, "manifests", "lb-operator.yaml")));

        Assert.Contains(objects, item => item is V1Namespace { Metadata.Name: "lb-operator" });
        Assert.Contains(objects, item => item is Certificate { Spec.SecretName: "lb-operator-webhook-tls" });
        Assert.Contains(objects, item => item is V1ValidatingWebhookConfiguration);
        Assert.DoesNotContain(objects, item => item is V1Secret);
    }

    [Fact]
    public void Manifest_without_the_webhook_needs_no_certificate()
    {
        var objects = ManifestReader.Read(File.ReadAllText(Path.Combine(RepositoryLayout.Deploy, "manifests", "lb-operator-without-webhook.yaml")));

        Assert.Contains(objects, item => item is V1Deployment);
        Assert.DoesNotContain(objects, item => item is V1ValidatingWebhookConfiguration or V1Secret or Certificate or Issuer);
    }

    private static string[] FileNames(string directory) =>
        Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public void Dispose() => _helm.Dispose();
}
