using k8s.Models;

namespace LbOperator.Kubernetes.Protobuf;

/// <summary>discovery/v1 EndpointSlice from its protobuf encoding (k8s.io/api/discovery/v1 generated.proto), every field.</summary>
public static class EndpointSliceDecoder
{
    public static V1EndpointSlice EndpointSlice(ProtobufReader reader)
    {
        var slice = new V1EndpointSlice();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): slice.Metadata = MetadataDecoder.ObjectMeta(reader.ReadMessage()); break;
                case (2, WireType.LengthDelimited): (slice.Endpoints ??= []).Add(Endpoint(reader.ReadMessage())); break;
                case (3, WireType.LengthDelimited): slice.Ports = Repeated.Append(slice.Ports, Port(reader.ReadMessage())); break;
                case (4, WireType.LengthDelimited): slice.AddressType = reader.ReadSharedString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        slice.Endpoints = Repeated.Exact(slice.Endpoints);
        return slice;
    }

    private static V1Endpoint Endpoint(ProtobufReader reader)
    {
        var endpoint = new V1Endpoint();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): endpoint.Addresses = Repeated.Append(endpoint.Addresses, reader.ReadString()); break;
                case (2, WireType.LengthDelimited): endpoint.Conditions = Conditions(reader.ReadMessage()); break;
                case (3, WireType.LengthDelimited): endpoint.Hostname = reader.ReadString(); break;
                case (4, WireType.LengthDelimited): endpoint.TargetRef = ObjectReference(reader.ReadMessage()); break;
                case (5, WireType.LengthDelimited): MetadataDecoder.AddEntry(endpoint.DeprecatedTopology ??= new Dictionary<string, string>(), reader.ReadMessage()); break;
                case (6, WireType.LengthDelimited): endpoint.NodeName = reader.ReadSharedString(); break;
                case (7, WireType.LengthDelimited): endpoint.Zone = reader.ReadSharedString(); break;
                case (8, WireType.LengthDelimited): endpoint.Hints = Hints(reader.ReadMessage()); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return endpoint;
    }

    private static V1EndpointConditions Conditions(ProtobufReader reader)
    {
        var conditions = new V1EndpointConditions();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.Varint): conditions.Ready = reader.ReadBool(); break;
                case (2, WireType.Varint): conditions.Serving = reader.ReadBool(); break;
                case (3, WireType.Varint): conditions.Terminating = reader.ReadBool(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return conditions;
    }

    private static V1ObjectReference ObjectReference(ProtobufReader reader)
    {
        var reference = new V1ObjectReference();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): reference.Kind = reader.ReadOmittableSharedString(); break;
                case (2, WireType.LengthDelimited): reference.NamespaceProperty = reader.ReadOmittableString(); break;
                case (3, WireType.LengthDelimited): reference.Name = reader.ReadOmittableString(); break;
                case (4, WireType.LengthDelimited): reference.Uid = reader.ReadOmittableString(); break;
                case (5, WireType.LengthDelimited): reference.ApiVersion = reader.ReadOmittableString(); break;
                case (6, WireType.LengthDelimited): reference.ResourceVersion = reader.ReadOmittableString(); break;
                case (7, WireType.LengthDelimited): reference.FieldPath = reader.ReadOmittableString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return reference;
    }

    private static V1EndpointHints Hints(ProtobufReader reader)
    {
        var hints = new V1EndpointHints();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): hints.ForZones = Repeated.Append(hints.ForZones, new V1ForZone { Name = Name(reader.ReadMessage()) }); break;
                case (2, WireType.LengthDelimited): hints.ForNodes = Repeated.Append(hints.ForNodes, new V1ForNode { Name = Name(reader.ReadMessage()) }); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return hints;
    }

    /// <summary>ForZone and ForNode: a message with one field, the name.</summary>
    private static string? Name(ProtobufReader reader)
    {
        string? name = null;
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): name = reader.ReadSharedString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return name;
    }

    private static Discoveryv1EndpointPort Port(ProtobufReader reader)
    {
        var port = new Discoveryv1EndpointPort();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): port.Name = reader.ReadSharedString(); break;
                case (2, WireType.LengthDelimited): port.Protocol = reader.ReadSharedString(); break;
                case (3, WireType.Varint): port.Port = reader.ReadInt32(); break;
                case (4, WireType.LengthDelimited): port.AppProtocol = reader.ReadSharedString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return port;
    }
}
