using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LbOperator.Webhook.Certificates;

/// <summary>
/// The webhook's serving certificate, read from PEM files (a mounted Secret) and reloaded without a
/// restart. Kubernetes updates a Secret volume by swapping a symlink, so the directories are watched
/// rather than the files; handshakes also re-check the files now and then in case a watch event is lost.
/// A replaced certificate is disposed one replacement later: a handshake that picked it just before the
/// swap has long finished by then, and no more than two are ever alive.
/// </summary>
public sealed partial class ServingCertificate : IDisposable
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(10);

    private readonly string certFile;
    private readonly string keyFile;
    private readonly TimeProvider time;
    private readonly ILogger<ServingCertificate> logger;
    private readonly Lock gate = new();
    private readonly List<FileSystemWatcher> watchers = [];
    private byte[]? loadedCert;
    private byte[]? loadedKey;
    private X509Certificate2? current;
    private X509Certificate2? retired;
    private long lastCheck;

    public ServingCertificate(IOptions<WebhookOptions> options, TimeProvider time, ILogger<ServingCertificate> logger)
    {
        certFile = Path.GetFullPath(options.Value.CertFile);
        keyFile = Path.GetFullPath(options.Value.KeyFile);
        this.time = time;
        this.logger = logger;
        ReloadIfChanged();
        Watch();
    }

    /// <summary>Raised after a new certificate was loaded.</summary>
    public event Action<X509Certificate2>? Reloaded;

    public X509Certificate2? Current => Volatile.Read(ref current);

    public bool IsLoaded => Select() is not null;

    public string CertFile => certFile;

    /// <summary>The certificate for a new TLS handshake; re-reads the files when the last look is old.</summary>
    public X509Certificate2? Select()
    {
        if (time.GetElapsedTime(Interlocked.Read(ref lastCheck)) >= RecheckInterval)
        {
            ReloadIfChanged();
        }

        return Current;
    }

    /// <summary>Loads the files when their content differs from what is loaded; keeps the old certificate on a bad pair.</summary>
    public bool ReloadIfChanged()
    {
        lock (gate)
        {
            Interlocked.Exchange(ref lastCheck, time.GetTimestamp());
            byte[] cert, key;
            try
            {
                cert = File.ReadAllBytes(certFile);
                key = File.ReadAllBytes(keyFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogUnreadable(certFile, keyFile, e.Message);
                return false;
            }

            if (loadedCert is not null && loadedKey is not null && cert.AsSpan().SequenceEqual(loadedCert) && key.AsSpan().SequenceEqual(loadedKey))
            {
                return false;
            }

            X509Certificate2 certificate;
            try
            {
                certificate = X509Certificate2.CreateFromPem(
                    System.Text.Encoding.ASCII.GetString(cert), System.Text.Encoding.ASCII.GetString(key));
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                LogInvalid(certFile, keyFile, e.Message);
                return false;
            }

            loadedCert = cert;
            loadedKey = key;
            retired?.Dispose();
            retired = Interlocked.Exchange(ref current, certificate);
            LogLoaded(certificate.Subject, certificate.Thumbprint, certificate.NotAfter);
            Reloaded?.Invoke(certificate);
            return true;
        }
    }

    public void Dispose()
    {
        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }

        lock (gate)
        {
            retired?.Dispose();
            current?.Dispose();
        }
    }

    private void Watch()
    {
        foreach (var directory in new[] { Path.GetDirectoryName(certFile), Path.GetDirectoryName(keyFile) }.Distinct())
        {
            if (directory is null || !Directory.Exists(directory))
            {
                continue;
            }

            var watcher = new FileSystemWatcher(directory)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite
                    | NotifyFilters.Size | NotifyFilters.CreationTime | NotifyFilters.Attributes,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => ReloadIfChanged();

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Webhook serving certificate loaded: {Subject} ({Thumbprint}), valid until {NotAfter:o}")]
    private partial void LogLoaded(string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Webhook serving certificate files {CertFile} / {KeyFile} cannot be read: {Reason}")]
    private partial void LogUnreadable(string certFile, string keyFile, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Webhook serving certificate {CertFile} / {KeyFile} is not a valid PEM certificate and key; keeping the previous one: {Reason}")]
    private partial void LogInvalid(string certFile, string keyFile, string reason);
}
