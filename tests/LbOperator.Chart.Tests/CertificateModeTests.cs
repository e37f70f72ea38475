using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using LbOperator.Chart.Tests.CustomResources;
using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

public sealed class CertificateModeTests : IDisposable
{
    private static readonly string[] ServiceDnsNames =
        ["lb-operator", "lb-operator.lb-operator", "lb-operator.lb-operator.svc", "lb-operator.lb-operator.svc.cluster.local"];

    private readonly HelmCli _helm = new();

    [Fact]
    public void Helm_mode_renders_a_tls_secret_and_the_same_ca_as_the_bundle()
    {
        var chart = _helm.Template();

        var secret = chart.Single<V1Secret>();
        Assert.Equal("kubernetes.io/tls", secret.Type);
        Assert.Equal("lb-operator-webhook-tls", secret.Metadata.Name);
        Assert.Equal(["ca.crt", "tls.crt", "tls.key"], secret.Data.Keys.Order());
        var configuration = chart.Single<V1ValidatingWebhookConfiguration>();
        Assert.All(configuration.Webhooks, entry => Assert.Equal(secret.Data["ca.crt"], entry.ClientConfig.CaBundle));
        Assert.Empty(chart.All<Certificate>());
        Assert.Empty(chart.All<Issuer>());
    }

    [Fact]
    public void Helm_mode_certificate_covers_the_service_names_and_chains_to_the_bundle()
    {
        var secret = _helm.Template().Single<V1Secret>();

        using var ca = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(secret.Data["ca.crt"]));
        using var serving = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(secret.Data["tls.crt"]));
        var names = serving.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames();
        Assert.Equal(ServiceDnsNames, names.Order());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(serving), string.Join("; ", chain.ChainStatus.Select(status => status.StatusInformation)));
    }

    [Fact]
    public void Cert_manager_mode_renders_a_ca_chain_and_a_serving_certificate_with_ca_injection()
    {
        var chart = _helm.TemplateScenario("certmanager-values.yaml");

        var selfSigned = chart.Named<Issuer>("lb-operator-selfsigned");
        Assert.NotNull(selfSigned.Spec.SelfSigned);
        var caCertificate = chart.Named<Certificate>("lb-operator-ca");
        Assert.True(caCertificate.Spec.IsCA);
        Assert.Equal("lb-operator-selfsigned", caCertificate.Spec.IssuerRef.Name);
        var caIssuer = chart.Named<Issuer>("lb-operator-ca");
        Assert.Equal(caCertificate.Spec.SecretName, caIssuer.Spec.Ca?.SecretName);
        var serving = chart.Named<Certificate>("lb-operator-webhook-tls");
        Assert.Equal("lb-operator-webhook-tls", serving.Spec.SecretName);
        Assert.Equal("lb-operator-ca", serving.Spec.IssuerRef.Name);
        Assert.Equal(ServiceDnsNames, serving.Spec.DnsNames);

        var configuration = chart.Single<V1ValidatingWebhookConfiguration>();
        Assert.Equal("lb-operator/lb-operator-webhook-tls", configuration.Metadata.Annotations["cert-manager.io/inject-ca-from"]);
        Assert.All(configuration.Webhooks, entry => Assert.Null(entry.ClientConfig.CaBundle));
        Assert.Empty(chart.All<V1Secret>());
    }

    [Fact]
    public void Cert_manager_mode_with_an_existing_issuer_creates_only_the_serving_certificate()
    {
        var chart = _helm.TemplateScenario("certmanager-issuer-values.yaml");

        Assert.Empty(chart.All<Issuer>());
        var serving = Assert.Single(chart.All<Certificate>());
        Assert.Equal("internal-ca", serving.Spec.IssuerRef.Name);
        Assert.Equal("ClusterIssuer", serving.Spec.IssuerRef.Kind);
    }

    [Fact]
    public void External_mode_uses_the_supplied_secret_and_bundle_and_creates_neither()
    {
        var chart = _helm.TemplateScenario("external-values.yaml");

        Assert.Empty(chart.All<V1Secret>());
        Assert.Empty(chart.All<Certificate>());
        var pod = chart.Single<V1Deployment>().Spec.Template.Spec;
        Assert.Contains(pod.Volumes, volume => volume.Secret?.SecretName == "lb-operator-serving-cert");
        var configuration = chart.Single<V1ValidatingWebhookConfiguration>();
        Assert.All(configuration.Webhooks, entry =>
        {
            using var ca = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(entry.ClientConfig.CaBundle));
            Assert.Equal("CN=example-webhook-ca", ca.Subject);
        });
    }

    [Theory]
    [InlineData("webhook.certs.external.caBundle=Zm9v", "webhook.certs.external.secretName is required when webhook.certs.mode=external")]
    [InlineData("webhook.certs.external.secretName=mine", "webhook.certs.external.caBundle is required when webhook.certs.mode=external")]
    public void External_mode_without_its_inputs_fails_with_a_clear_message(string partialInput, string message)
    {
        var result = _helm.TryTemplate("--set", "webhook.certs.mode=external", "--set", partialInput);

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _helm.Dispose();
}
