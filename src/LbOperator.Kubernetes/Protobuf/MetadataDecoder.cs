using k8s.Models;

namespace LbOperator.Kubernetes.Protobuf;

/// <summary>
/// The apimachinery messages every object carries (k8s.io/apimachinery/pkg/apis/meta/v1): ObjectMeta, ListMeta,
/// OwnerReference, Condition and Time, decoded into KubernetesClient's models exactly as their JSON would be.
/// managedFields are skipped, as <c>ManagedFieldsSkipped</c> skips them in JSON.
/// </summary>
public static class MetadataDecoder
{
    public static V1ObjectMeta ObjectMeta(ProtobufReader reader)
    {
        var meta = new V1ObjectMeta();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): meta.Name = reader.ReadOmittableString(); break;
                case (2, WireType.LengthDelimited): meta.GenerateName = reader.ReadOmittableString(); break;
                case (3, WireType.LengthDelimited): meta.NamespaceProperty = reader.ReadOmittableSharedString(); break;
                case (4, WireType.LengthDelimited): meta.SelfLink = reader.ReadOmittableString(); break;
                case (5, WireType.LengthDelimited): meta.Uid = reader.ReadOmittableString(); break;
                case (6, WireType.LengthDelimited): meta.ResourceVersion = reader.ReadOmittableString(); break;
                case (7, WireType.Varint): meta.Generation = NonZero(reader.ReadInt64()); break;
                case (8, WireType.LengthDelimited): meta.CreationTimestamp = Time(reader.ReadMessage()); break;
                case (9, WireType.LengthDelimited): meta.DeletionTimestamp = Time(reader.ReadMessage()); break;
                case (10, WireType.Varint): meta.DeletionGracePeriodSeconds = reader.ReadInt64(); break;
                case (11, WireType.LengthDelimited): AddEntry(meta.Labels ??= new Dictionary<string, string>(), reader.ReadMessage()); break;
                case (12, WireType.LengthDelimited): AddEntry(meta.Annotations ??= new Dictionary<string, string>(), reader.ReadMessage()); break;
                case (13, WireType.LengthDelimited): meta.OwnerReferences = Repeated.Append(meta.OwnerReferences, OwnerReference(reader.ReadMessage())); break;
                case (14, WireType.LengthDelimited): meta.Finalizers = Repeated.Append(meta.Finalizers, reader.ReadSharedString()); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return meta;
    }

    public static V1ListMeta ListMeta(ProtobufReader reader)
    {
        var meta = new V1ListMeta();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): meta.SelfLink = reader.ReadOmittableString(); break;
                case (2, WireType.LengthDelimited): meta.ResourceVersion = reader.ReadOmittableString(); break;
                case (3, WireType.LengthDelimited): meta.ContinueProperty = reader.ReadOmittableString(); break;
                case (4, WireType.Varint): meta.RemainingItemCount = reader.ReadInt64(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return meta;
    }

    public static V1Condition Condition(ProtobufReader reader)
    {
        var condition = new V1Condition();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): condition.Type = reader.ReadString(); break;
                case (2, WireType.LengthDelimited): condition.Status = reader.ReadString(); break;
                case (3, WireType.Varint): condition.ObservedGeneration = NonZero(reader.ReadInt64()); break;
                case (4, WireType.LengthDelimited): condition.LastTransitionTime = Time(reader.ReadMessage()) ?? default; break;
                case (5, WireType.LengthDelimited): condition.Reason = reader.ReadString(); break;
                case (6, WireType.LengthDelimited): condition.Message = reader.ReadString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return condition;
    }

    /// <summary>
    /// meta/v1 Time: seconds and nanoseconds since the Unix epoch, in UTC. The zero time is how Go writes an
    /// unset one, and JSON writes it as null.
    /// </summary>
    public static DateTime? Time(ProtobufReader reader)
    {
        long seconds = 0;
        long nanos = 0;
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.Varint): seconds = reader.ReadInt64(); break;
                case (2, WireType.Varint): nanos = reader.ReadInt32(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return seconds == 0 && nanos == 0 ? null : DateTime.UnixEpoch.AddTicks((seconds * TimeSpan.TicksPerSecond) + (nanos / 100));
    }

    /// <summary>A Go number field tagged <c>omitempty</c>: zero is absent, as in JSON.</summary>
    public static long? NonZero(long value) => value == 0 ? null : value;

    /// <summary>One entry of a <c>map&lt;string, string&gt;</c>: key 1, value 2, either absent when empty.</summary>
    public static void AddEntry(IDictionary<string, string> map, ProtobufReader reader)
    {
        var key = "";
        var value = "";
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): key = reader.ReadSharedString(); break;
                case (2, WireType.LengthDelimited): value = reader.ReadSharedString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        map[key] = value;
    }

    private static V1OwnerReference OwnerReference(ProtobufReader reader)
    {
        var owner = new V1OwnerReference();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): owner.Kind = reader.ReadSharedString(); break;
                case (3, WireType.LengthDelimited): owner.Name = reader.ReadString(); break;
                case (4, WireType.LengthDelimited): owner.Uid = reader.ReadString(); break;
                case (5, WireType.LengthDelimited): owner.ApiVersion = reader.ReadSharedString(); break;
                case (6, WireType.Varint): owner.Controller = reader.ReadBool(); break;
                case (7, WireType.Varint): owner.BlockOwnerDeletion = reader.ReadBool(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return owner;
    }
}
