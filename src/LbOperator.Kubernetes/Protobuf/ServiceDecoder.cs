using k8s.Models;

namespace LbOperator.Kubernetes.Protobuf;

/// <summary>core/v1 Service from its protobuf encoding (k8s.io/api/core/v1 generated.proto), every field.</summary>
public static class ServiceDecoder
{
    public static V1Service Service(ProtobufReader reader)
    {
        var service = new V1Service();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): service.Metadata = MetadataDecoder.ObjectMeta(reader.ReadMessage()); break;
                case (2, WireType.LengthDelimited): service.Spec = Spec(reader.ReadMessage()); break;
                case (3, WireType.LengthDelimited): service.Status = Status(reader.ReadMessage()); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return service;
    }

    private static V1ServiceSpec Spec(ProtobufReader reader)
    {
        var spec = new V1ServiceSpec();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): spec.Ports = Repeated.Append(spec.Ports, Port(reader.ReadMessage())); break;
                case (2, WireType.LengthDelimited): MetadataDecoder.AddEntry(spec.Selector ??= new Dictionary<string, string>(), reader.ReadMessage()); break;
                case (3, WireType.LengthDelimited): spec.ClusterIP = reader.ReadOmittableString(); break;
                case (4, WireType.LengthDelimited): spec.Type = reader.ReadOmittableSharedString(); break;
                case (5, WireType.LengthDelimited): spec.ExternalIPs = Repeated.Append(spec.ExternalIPs, reader.ReadString()); break;
                case (7, WireType.LengthDelimited): spec.SessionAffinity = reader.ReadOmittableSharedString(); break;
                case (8, WireType.LengthDelimited): spec.LoadBalancerIP = reader.ReadOmittableString(); break;
                case (9, WireType.LengthDelimited): spec.LoadBalancerSourceRanges = Repeated.Append(spec.LoadBalancerSourceRanges, reader.ReadString()); break;
                case (10, WireType.LengthDelimited): spec.ExternalName = reader.ReadOmittableString(); break;
                case (11, WireType.LengthDelimited): spec.ExternalTrafficPolicy = reader.ReadOmittableSharedString(); break;
                case (12, WireType.Varint): spec.HealthCheckNodePort = (int?)MetadataDecoder.NonZero(reader.ReadInt32()); break;
                case (13, WireType.Varint): spec.PublishNotReadyAddresses = reader.ReadBool() ? true : null; break;
                case (14, WireType.LengthDelimited): spec.SessionAffinityConfig = SessionAffinityConfig(reader.ReadMessage()); break;
                case (17, WireType.LengthDelimited): spec.IpFamilyPolicy = reader.ReadSharedString(); break;
                case (18, WireType.LengthDelimited): spec.ClusterIPs = Repeated.Append(spec.ClusterIPs, reader.ReadString()); break;
                case (19, WireType.LengthDelimited): spec.IpFamilies = Repeated.Append(spec.IpFamilies, reader.ReadSharedString()); break;
                case (20, WireType.Varint): spec.AllocateLoadBalancerNodePorts = reader.ReadBool(); break;
                case (21, WireType.LengthDelimited): spec.LoadBalancerClass = reader.ReadSharedString(); break;
                case (22, WireType.LengthDelimited): spec.InternalTrafficPolicy = reader.ReadSharedString(); break;
                case (23, WireType.LengthDelimited): spec.TrafficDistribution = reader.ReadSharedString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return spec;
    }

    private static V1ServicePort Port(ProtobufReader reader)
    {
        var port = new V1ServicePort();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): port.Name = reader.ReadOmittableSharedString(); break;
                case (2, WireType.LengthDelimited): port.Protocol = reader.ReadOmittableSharedString(); break;
                case (3, WireType.Varint): port.Port = reader.ReadInt32(); break;
                case (4, WireType.LengthDelimited): port.TargetPort = IntOrString(reader.ReadMessage()); break;
                case (5, WireType.Varint): port.NodePort = (int?)MetadataDecoder.NonZero(reader.ReadInt32()); break;
                case (6, WireType.LengthDelimited): port.AppProtocol = reader.ReadSharedString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return port;
    }

    /// <summary>util/intstr IntOrString: type 0 carries intVal, type 1 strVal.</summary>
    private static IntOrString IntOrString(ProtobufReader reader)
    {
        long kind = 0;
        var number = 0;
        var text = "";
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.Varint): kind = reader.ReadInt64(); break;
                case (2, WireType.Varint): number = reader.ReadInt32(); break;
                case (3, WireType.LengthDelimited): text = reader.ReadSharedString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return kind == 1 ? text : number;
    }

    private static V1SessionAffinityConfig SessionAffinityConfig(ProtobufReader reader)
    {
        var config = new V1SessionAffinityConfig();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited):
                    var clientIp = reader.ReadMessage();
                    config.ClientIP = new V1ClientIPConfig();
                    while (!clientIp.End)
                    {
                        switch (clientIp.ReadTag())
                        {
                            case (1, WireType.Varint): config.ClientIP.TimeoutSeconds = clientIp.ReadInt32(); break;
                            case var (_, type): clientIp.Skip(type); break;
                        }
                    }

                    break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return config;
    }

    private static V1ServiceStatus Status(ProtobufReader reader)
    {
        var status = new V1ServiceStatus();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): status.LoadBalancer = LoadBalancer(reader.ReadMessage()); break;
                case (2, WireType.LengthDelimited): status.Conditions = Repeated.Append(status.Conditions, MetadataDecoder.Condition(reader.ReadMessage())); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return status;
    }

    private static V1LoadBalancerStatus LoadBalancer(ProtobufReader reader)
    {
        var balancer = new V1LoadBalancerStatus();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): balancer.Ingress = Repeated.Append(balancer.Ingress, Ingress(reader.ReadMessage())); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return balancer;
    }

    private static V1LoadBalancerIngress Ingress(ProtobufReader reader)
    {
        var ingress = new V1LoadBalancerIngress();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.LengthDelimited): ingress.Ip = reader.ReadOmittableString(); break;
                case (2, WireType.LengthDelimited): ingress.Hostname = reader.ReadOmittableString(); break;
                case (3, WireType.LengthDelimited): ingress.IpMode = reader.ReadSharedString(); break;
                case (4, WireType.LengthDelimited): ingress.Ports = Repeated.Append(ingress.Ports, PortStatus(reader.ReadMessage())); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return ingress;
    }

    private static V1PortStatus PortStatus(ProtobufReader reader)
    {
        var port = new V1PortStatus();
        while (!reader.End)
        {
            switch (reader.ReadTag())
            {
                case (1, WireType.Varint): port.Port = reader.ReadInt32(); break;
                case (2, WireType.LengthDelimited): port.Protocol = reader.ReadString(); break;
                case (3, WireType.LengthDelimited): port.Error = reader.ReadString(); break;
                case var (_, type): reader.Skip(type); break;
            }
        }

        return port;
    }
}
