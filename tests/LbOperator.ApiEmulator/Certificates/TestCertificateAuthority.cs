using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LbOperator.ApiEmulator.Certificates;

/// <summary>A throwaway CA that issues serving certificates for 127.0.0.1 / localhost, as PEM files.</summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly ECDsa caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 ca;
    private long serial = 1;

    public TestCertificateAuthority()
    {
        var request = new CertificateRequest("CN=lb-operator test CA", caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    /// <summary>The CA certificate, for a ValidatingWebhookConfiguration's caBundle.</summary>
    public string CaPem => ca.ExportCertificatePem();

    /// <summary>Writes a new serving certificate and its key to the two paths and returns the certificate's thumbprint.</summary>
    public string IssueTo(string certFile, string keyFile, string commonName = "lb-operator-webhook")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serialNumber = BitConverter.GetBytes(Interlocked.Increment(ref serial));
        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), serialNumber);
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return certificate.Thumbprint;
    }

    public void Dispose()
    {
        ca.Dispose();
        caKey.Dispose();
    }
}
