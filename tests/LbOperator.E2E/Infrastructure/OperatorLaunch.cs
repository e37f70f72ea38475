namespace LbOperator.E2E.Infrastructure;

/// <summary>What every replica of one installation shares: the rendered chart, the kubeconfig with the ServiceAccount token, the webhook certificate and the scenario's overrides (environment variables).</summary>
internal sealed record OperatorLaunch(RenderedChart Chart, string Kubeconfig, string CertFile, string KeyFile, IReadOnlyDictionary<string, string> Overrides);
