using System.Text;
using k8s;
using k8s.Models;
using LbOperator.ApiEmulator.Backends;

namespace LbOperator.E2E.Infrastructure;

/// <summary>
/// Applies what the chart renders that means something without pods: the ServiceAccount, the RBAC and
/// the ValidatingWebhookConfiguration. No pod runs, so the webhook's <c>clientConfig</c> is rewritten
/// from the Service to a URL on 127.0.0.1 with the test CA; rules, selectors, failurePolicy and timeout
/// stay exactly as rendered.
/// </summary>
internal static class ChartInstallation
{
    public static async Task ApplyServiceAccountAndRbacAsync(IKubernetes admin, RenderedChart chart, CancellationToken cancellationToken)
    {
        await admin.EnsureNamespaceAsync(RenderedChart.Namespace, cancellationToken);
        foreach (var item in chart.Objects)
        {
            switch (item)
            {
                case V1ServiceAccount account:
                    await admin.CoreV1.CreateNamespacedServiceAccountAsync(account, RenderedChart.Namespace, cancellationToken: cancellationToken);
                    break;
                case V1ClusterRole role:
                    await admin.RbacAuthorizationV1.CreateClusterRoleAsync(role, cancellationToken: cancellationToken);
                    break;
                case V1ClusterRoleBinding binding:
                    await admin.RbacAuthorizationV1.CreateClusterRoleBindingAsync(binding, cancellationToken: cancellationToken);
                    break;
                case V1Role role:
                    await admin.RbacAuthorizationV1.CreateNamespacedRoleAsync(role, RenderedChart.Namespace, cancellationToken: cancellationToken);
                    break;
                case V1RoleBinding binding:
                    await admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(binding, RenderedChart.Namespace, cancellationToken: cancellationToken);
                    break;
            }
        }
    }

    /// <summary>Registers the chart's webhooks at <paramref name="baseUrl"/> (e.g. <c>https://127.0.0.1:PORT</c>) plus each webhook's path.</summary>
    public static async Task ApplyWebhookAsync(IKubernetes admin, RenderedChart chart, string baseUrl, string caPem, CancellationToken cancellationToken)
    {
        var configuration = chart.WebhookConfiguration;
        foreach (var webhook in configuration.Webhooks)
        {
            var path = webhook.ClientConfig.Service.Path;
            webhook.ClientConfig = new Admissionregistrationv1WebhookClientConfig
            {
                Url = baseUrl + path,
                CaBundle = Encoding.UTF8.GetBytes(caPem),
            };
        }

        await admin.AdmissionregistrationV1.CreateValidatingWebhookConfigurationAsync(configuration, cancellationToken: cancellationToken);
    }

    /// <summary>A bearer token of the chart's ServiceAccount, issued through the TokenRequest API as the kubelet would mount it.</summary>
    public static async Task<string> ServiceAccountTokenAsync(IKubernetes admin, RenderedChart chart, CancellationToken cancellationToken)
    {
        var request = new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = 3600 } };
        var issued = await admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(request, chart.ServiceAccount.Metadata.Name, RenderedChart.Namespace,
            cancellationToken: cancellationToken);
        return issued.Status.Token;
    }
}
