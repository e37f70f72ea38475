using System.Globalization;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Ingresses;

/// <summary>
/// A canary Ingress's traffic settings as ingress-nginx applies them. <see cref="Fraction"/> is w/T,
/// clamped to [0, 1]: an invalid weight counts as 0 and a weight above the total sends everything
/// to the canary, which is what the controller does; <see cref="Problems"/> holds the LB003 reasons.
/// </summary>
internal sealed record CanarySettings(double Fraction, string Weight, IReadOnlyList<string> Problems, IReadOnlyList<string> Routing)
{
    private const int DefaultTotal = 100;

    public static CanarySettings Of(IngressInfo canary)
    {
        var annotations = canary.Annotations;
        var problems = new List<string>();
        var total = DefaultTotal;
        if (annotations.TryGetValue(NginxAnnotations.CanaryWeightTotal, out var rawTotal))
        {
            if (!int.TryParse(rawTotal.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out total) || total <= 0)
            {
                problems.Add($"canary-weight-total \"{rawTotal}\" is not a positive whole number, so ingress-nginx falls back to 100");
                total = DefaultTotal;
            }
        }

        var weight = 0;
        if (annotations.TryGetValue(NginxAnnotations.CanaryWeight, out var rawWeight))
        {
            if (!int.TryParse(rawWeight.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out weight))
            {
                problems.Add($"canary-weight \"{rawWeight}\" is not a whole number, so the canary gets no weighted traffic");
                weight = 0;
            }
            else if (weight < 0 || weight > total)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"canary-weight {weight} is outside [0, {total}]"));
            }
        }

        var fraction = Math.Clamp((double)weight / total, 0, 1);
        return new CanarySettings(fraction, string.Create(CultureInfo.InvariantCulture, $"{weight}/{total}"), problems, RoutingRules(annotations));
    }

    /// <summary>Header and cookie rules send matching requests to the canary before the weight applies.</summary>
    private static List<string> RoutingRules(IReadOnlyDictionary<string, string> annotations)
    {
        var routing = new List<string>();
        if (annotations.TryGetValue(NginxAnnotations.CanaryByHeader, out var header))
        {
            var match = annotations.TryGetValue(NginxAnnotations.CanaryByHeaderValue, out var value) ? $" = \"{value}\""
                : annotations.TryGetValue(NginxAnnotations.CanaryByHeaderPattern, out var pattern) ? $" ~ \"{pattern}\""
                : ": always";
            routing.Add($"header {header}{match}");
        }

        if (annotations.TryGetValue(NginxAnnotations.CanaryByCookie, out var cookie))
        {
            routing.Add($"cookie {cookie}: always");
        }

        return routing;
    }
}
