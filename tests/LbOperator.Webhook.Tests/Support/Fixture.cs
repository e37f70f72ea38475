using System.Text;
using System.Text.Json.Nodes;

namespace LbOperator.Webhook.Tests.Support;

/// <summary>AdmissionReview bodies from <c>Fixtures/</c>, as bytes or as a tree to vary one field.</summary>
public static class Fixture
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static JsonNode Node(string name) => JsonNode.Parse(File.ReadAllText(PathOf(name)))!;

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>The fixture with <paramref name="change"/> applied to its tree.</summary>
    public static byte[] With(string name, Action<JsonNode> change)
    {
        var node = Node(name);
        change(node);
        return Bytes(node);
    }

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
