using System.Text;
using System.Text.Json.Nodes;

namespace LbOperator.Webhook.Tests.Support;

/// <summary>
/// Seeded generator of broken AdmissionReview bodies: truncations, flipped bytes, random JSON, fields
/// of the wrong type, missing fields, huge strings and deep nesting, all starting from the real fixtures.
/// </summary>
public sealed class MalformedReviews(int seed)
{
    private static readonly string[] Fixtures =
    [
        "service-update-cluster-to-local.json", "service-create-local.json", "service-delete.json",
        "configmap-create.json", "ingress-update-canary-weight.json", "httproute-update-weights.json",
    ];

    private readonly Random random = new(seed);
    private readonly byte[][] originals = Fixtures.Select(Fixture.Bytes).ToArray();

    public byte[] Next() => random.Next(8) switch
    {
        0 => Truncated(),
        1 => Flipped(),
        2 => Encoding.UTF8.GetBytes(RandomValue(depth: 0)?.ToJsonString() ?? "null"),
        3 => Replaced(),
        4 => Removed(),
        5 => Huge(),
        6 => Nested(),
        _ => RandomBytes(),
    };

    private byte[] Original() => originals[random.Next(originals.Length)];

    private byte[] Truncated()
    {
        var original = Original();
        return original[..random.Next(original.Length)];
    }

    private byte[] Flipped()
    {
        var copy = (byte[])Original().Clone();
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private byte[] Replaced()
    {
        var root = JsonNode.Parse(Original())!;
        var (parent, key) = PickProperty(root);
        parent[key] = RandomValue(depth: 2);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private byte[] Removed()
    {
        var root = JsonNode.Parse(Original())!;
        var (parent, key) = PickProperty(root);
        parent.Remove(key);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private byte[] Huge()
    {
        var root = JsonNode.Parse(Original())!;
        var (parent, key) = PickProperty(root);
        parent[key] = new string((char)random.Next('a', 'z'), random.Next(10_000, 200_000));
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private byte[] Nested()
    {
        var depth = random.Next(50, 2_000);
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var inner = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        const string Prefix = """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"group":"","version":"v1","kind":"Service"},"operation":"CREATE","object":{"metadata":{"name":"x"},"spec":""";
        return Encoding.UTF8.GetBytes(Prefix + inner + "}}}");
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(0, 512)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A random property somewhere in the tree, biased towards the envelope and the object's spec and metadata.</summary>
    private (JsonObject Parent, string Key) PickProperty(JsonNode root)
    {
        var current = root.AsObject();
        while (true)
        {
            var keys = current.Select(p => p.Key).ToList();
            var key = keys[random.Next(keys.Count)];
            if (current[key] is JsonObject child && child.Count > 0 && random.Next(3) > 0)
            {
                current = child;
                continue;
            }

            return (current, key);
        }
    }

    private JsonNode? RandomValue(int depth) => random.Next(depth > 4 ? 6 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextDouble() * random.Next(-1_000_000, 1_000_000)),
        3 => JsonValue.Create(long.MaxValue - random.Next(1000)),
        4 => JsonValue.Create(RandomString()),
        5 => JsonValue.Create(""),
        6 => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(depth + 1)).ToArray()),
        _ => RandomObject(depth + 1),
    };

    private JsonObject RandomObject(int depth)
    {
        var names = new[] { "apiVersion", "kind", "request", "uid", "operation", "object", "metadata", "spec", "name", "namespace", "ports", "weight", "rules" };
        var result = new JsonObject();
        for (var i = random.Next(5); i > 0; i--)
        {
            result[names[random.Next(names.Length)] + (random.Next(4) == 0 ? "x" : "")] = RandomValue(depth);
        }

        return result;
    }

    private string RandomString()
    {
        var chars = new char[random.Next(0, 40)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x3000);
        }

        return new string(chars);
    }
}
