using System.Globalization;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Building;

/// <summary>The Service port a backend names, by number or by name; it must exist on the Service or the traffic fails.</summary>
internal sealed record BackendPort(int? Number, string? Name)
{
    /// <summary>An Ingress backend's <c>service.port</c>: a number or a name, as the mapper keeps it.</summary>
    public static BackendPort? Of(string? port) =>
        string.IsNullOrEmpty(port) ? null
        : int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? new(number, null)
        : new(null, port);

    /// <summary>True when the Service exposes the port, or when its ports are unknown.</summary>
    public bool ExistsOn(ServiceInfo service)
    {
        if (service.Ports is not { } ports)
        {
            return true;
        }

        foreach (var port in ports)
        {
            if ((Number is { } number && port.Port == number) || (Name is not null && string.Equals(port.Name, Name, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Name ?? string.Empty;
}
