namespace LbOperator.Kubernetes.Protobuf;

/// <summary>
/// The values of a repeated field, as arrays of their exact length. Most repeated fields of a listed object
/// hold one or two values (an endpoint's address, a Service's cluster IP, family and port), and every object
/// stays in the cache: one address in an array takes 32 bytes, in a List that grew to four 88.
/// </summary>
internal static class Repeated
{
    /// <summary>A copy one longer: for fields that hold a few values, not for a slice's hundreds of endpoints.</summary>
    public static IList<T> Append<T>(IList<T>? values, T value)
    {
        if (values is null)
        {
            return new[] { value };
        }

        var longer = new T[values.Count + 1];
        values.CopyTo(longer, 0);
        longer[^1] = value;
        return longer;
    }

    /// <summary>A list filled while decoding, as an array of its length.</summary>
    public static IList<T>? Exact<T>(IList<T>? values) =>
        values is List<T> list && list.Count != list.Capacity ? list.ToArray() : values;
}
