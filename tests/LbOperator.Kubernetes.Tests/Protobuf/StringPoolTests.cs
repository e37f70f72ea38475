using System.Text;
using LbOperator.Kubernetes.Protobuf;

namespace LbOperator.Kubernetes.Tests.Protobuf;

public sealed class StringPoolTests
{
    [Theory]
    [InlineData("node-17")]
    [InlineData("")]
    [InlineData("zone-ü-東京")]
    public void A_value_read_twice_is_one_string_equal_to_its_text(string value)
    {
        var pool = new StringPool();

        var first = pool.Get(Encoding.UTF8.GetBytes(value));
        var second = pool.Get(Encoding.UTF8.GetBytes(value));

        Assert.Equal(value, first);
        Assert.Same(first, second);
    }

    [Fact]
    public void A_value_longer_than_the_bound_reads_correctly_and_is_not_kept()
    {
        var pool = new StringPool();
        var value = new string('a', StringPool.MaxLength + 1);

        var read = pool.Get(Encoding.UTF8.GetBytes(value));

        Assert.Equal(value, read);
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public void Once_full_the_pool_keeps_what_it_has_and_still_reads_new_values_correctly()
    {
        var pool = new StringPool();
        for (var index = 0; index < StringPool.MaxEntries + 10; index++)
        {
            Assert.Equal($"name-{index}", pool.Get(Encoding.UTF8.GetBytes($"name-{index}")));
        }

        Assert.Equal(StringPool.MaxEntries, pool.Count);
        Assert.Same(pool.Get("name-0"u8), pool.Get("name-0"u8));
    }
}
