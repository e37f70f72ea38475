using LbOperator.Webhook.Certificates;
using LbOperator.Webhook.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Webhook.Tests.Certificates;

public sealed class ServingCertificateTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly TestCertificateAuthority authority = new();

    [Fact]
    public void A_pem_pair_is_loaded_at_start()
    {
        var thumbprint = authority.IssueTo(directory.File("tls.crt"), directory.File("tls.key"));

        using var certificate = Create(directory.File("tls.crt"), directory.File("tls.key"), TimeProvider.System);

        Assert.True(certificate.IsLoaded);
        Assert.Equal(thumbprint, certificate.Current!.Thumbprint);
        Assert.True(certificate.Current.HasPrivateKey);
    }

    [Fact]
    public async Task Readiness_fails_until_a_certificate_is_loaded()
    {
        using var certificate = Create(directory.File("tls.crt"), directory.File("tls.key"), new FakeTimeProvider());
        var check = new ServingCertificateHealthCheck(certificate);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        authority.IssueTo(directory.File("tls.crt"), directory.File("tls.key"));
        certificate.ReloadIfChanged();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains("tls.crt", before.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Replacing_the_files_reloads_the_certificate_through_the_directory_watch()
    {
        authority.IssueTo(directory.File("tls.crt"), directory.File("tls.key"));
        using var certificate = Create(directory.File("tls.crt"), directory.File("tls.key"), new FakeTimeProvider());
        var reloaded = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        certificate.Reloaded += c => reloaded.TrySetResult(c.Thumbprint);

        var replaced = SwapIn(authority, directory);

        Assert.Equal(replaced, await Poll.FinishesAsync(reloaded.Task, "the certificate is reloaded"));
        Assert.Equal(replaced, certificate.Current!.Thumbprint);
    }

    [Fact]
    public void A_handshake_rereads_the_files_once_the_recheck_interval_has_passed()
    {
        var time = new FakeTimeProvider();
        var secretDirectory = Path.Combine(directory.Path, "not-mounted-yet");
        var certFile = Path.Combine(secretDirectory, "tls.crt");
        var keyFile = Path.Combine(secretDirectory, "tls.key");
        using var certificate = Create(certFile, keyFile, time);

        Directory.CreateDirectory(secretDirectory);
        var thumbprint = authority.IssueTo(certFile, keyFile);
        var early = certificate.Select();
        time.Advance(ServingCertificate.RecheckInterval);
        var later = certificate.Select();

        Assert.Null(early);
        Assert.Equal(thumbprint, later!.Thumbprint);
    }

    [Fact]
    public void A_broken_replacement_keeps_the_previous_certificate()
    {
        var thumbprint = authority.IssueTo(directory.File("tls.crt"), directory.File("tls.key"));
        using var certificate = Create(directory.File("tls.crt"), directory.File("tls.key"), new FakeTimeProvider());

        File.WriteAllText(directory.File("tls.key"), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

        Assert.False(certificate.ReloadIfChanged());
        Assert.Equal(thumbprint, certificate.Current!.Thumbprint);
    }

    [Fact]
    public void A_replaced_certificate_is_disposed_one_replacement_later()
    {
        authority.IssueTo(directory.File("tls.crt"), directory.File("tls.key"));
        var certificate = Create(directory.File("tls.crt"), directory.File("tls.key"), new FakeTimeProvider());
        var first = certificate.Current!;
        SwapIn(authority, directory);
        certificate.ReloadIfChanged();
        var second = certificate.Current!;
        Assert.NotEqual(IntPtr.Zero, first.Handle);

        SwapIn(authority, directory);
        certificate.ReloadIfChanged();
        var third = certificate.Current!;

        Assert.Equal(IntPtr.Zero, first.Handle);
        Assert.NotEqual(IntPtr.Zero, second.Handle);
        certificate.Dispose();
        Assert.Equal((IntPtr.Zero, IntPtr.Zero), (second.Handle, third.Handle));
    }

    public void Dispose()
    {
        authority.Dispose();
        directory.Dispose();
    }

    /// <summary>Replaces both files the way a Secret volume does: write elsewhere, then rename into place.</summary>
    internal static string SwapIn(TestCertificateAuthority authority, TempDirectory directory)
    {
        var thumbprint = authority.IssueTo(directory.File("tls.crt.new"), directory.File("tls.key.new"));
        File.Move(directory.File("tls.key.new"), directory.File("tls.key"), overwrite: true);
        File.Move(directory.File("tls.crt.new"), directory.File("tls.crt"), overwrite: true);
        return thumbprint;
    }

    private static ServingCertificate Create(string certFile, string keyFile, TimeProvider time) => new(
        Microsoft.Extensions.Options.Options.Create(new WebhookOptions { CertFile = certFile, KeyFile = keyFile }),
        time,
        NullLogger<ServingCertificate>.Instance);
}
