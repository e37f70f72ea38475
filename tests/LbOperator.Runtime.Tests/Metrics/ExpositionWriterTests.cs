using LbOperator.ApiEmulator.Prometheus;
using LbOperator.Runtime.Metrics;

namespace LbOperator.Runtime.Tests.Metrics;

public sealed class ExpositionWriterTests
{
    private static readonly ScrapedFamily Share = new("lb_operator_test_share", "Share of a \\ test,\nper node.", "gauge", "namespace", "node");

    [Theory]
    [InlineData("shop", "node-1", 0.5, "lb_operator_test_share{namespace=\"shop\",node=\"node-1\"} 0.5")]
    [InlineData("a\"b", "c\\d", 1, "lb_operator_test_share{namespace=\"a\\\"b\",node=\"c\\\\d\"} 1")]
    [InlineData("line\nbreak", "", 0, "lb_operator_test_share{namespace=\"line\\nbreak\",node=\"\"} 0")]
    [InlineData("ünï", "{x=\"y\"},z", 0.1 + 0.2, "lb_operator_test_share{namespace=\"ünï\",node=\"{x=\\\"y\\\"},z\"} 0.30000000000000004")]
    [InlineData("shop", "node-1", double.PositiveInfinity, "lb_operator_test_share{namespace=\"shop\",node=\"node-1\"} +Inf")]
    [InlineData("shop", "node-1", double.NegativeInfinity, "lb_operator_test_share{namespace=\"shop\",node=\"node-1\"} -Inf")]
    [InlineData("shop", "node-1", double.NaN, "lb_operator_test_share{namespace=\"shop\",node=\"node-1\"} NaN")]
    [InlineData("shop", "node-1", 1e-7, "lb_operator_test_share{namespace=\"shop\",node=\"node-1\"} 1E-07")]
    public void A_sample_is_written_in_text_format_0_0_4_with_escaped_label_values(string ns, string node, double value, string expected)
    {
        var lines = Written(writer =>
        {
            writer.Begin(Share);
            writer.Sample(Share, value, ns, node);
        });

        Assert.Equal(["# HELP lb_operator_test_share Share of a \\\\ test,\\nper node.", "# TYPE lb_operator_test_share gauge", expected], lines);
    }

    [Fact]
    public void Escaped_label_values_read_back_as_written()
    {
        string[] awkward = ["a\"b", "c\\d", "e\nf", "\\\"\n", "x,y}"];
        var text = string.Join('\n', Written(writer =>
        {
            writer.Begin(Share);
            foreach (var value in awkward)
            {
                writer.Sample(Share, 1, value, value);
            }
        }));

        Assert.Equal(awkward.Select(value => new[] { value, value }), Exposition.Parse(text).Series(Share.Name));
    }

    [Fact]
    public void A_family_without_samples_writes_no_help_or_type_line()
    {
        var other = new ScrapedFamily("lb_operator_test_total", "Counted.", "counter", "kind");

        var lines = Written(writer =>
        {
            writer.Begin(Share);
            writer.Begin(other);
            writer.Sample(other, 3, "Service");
            writer.Sample(other, 4, "Ingress");
        });

        Assert.Equal(["# HELP lb_operator_test_total Counted.", "# TYPE lb_operator_test_total counter",
            "lb_operator_test_total{kind=\"Service\"} 3", "lb_operator_test_total{kind=\"Ingress\"} 4"], lines);
    }

    [Fact]
    public void A_sample_with_the_wrong_number_of_label_values_is_refused()
    {
        var writer = new ExpositionWriter(new StringWriter());
        writer.Begin(Share);

        Assert.Throws<ArgumentException>(() => writer.Sample(Share, 1, "shop"));
    }

    private static string[] Written(Action<ExpositionWriter> write)
    {
        using var text = new StringWriter();
        var writer = new ExpositionWriter(text);
        write(writer);
        writer.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
        Assert.EndsWith("\n", text.ToString(), StringComparison.Ordinal);
        return text.ToString()[..^1].Split('\n');
    }
}
