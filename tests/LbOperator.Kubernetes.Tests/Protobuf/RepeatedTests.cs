using LbOperator.Kubernetes.Protobuf;

namespace LbOperator.Kubernetes.Tests.Protobuf;

public sealed class RepeatedTests
{
    [Fact]
    public void The_first_value_makes_an_array_of_one()
    {
        var values = Repeated.Append(null, "10.0.0.1");

        Assert.Equal(["10.0.0.1"], Assert.IsType<string[]>(values));
    }

    [Fact]
    public void Later_values_keep_their_order_in_an_array_of_the_exact_length()
    {
        var values = Repeated.Append(Repeated.Append(Repeated.Append(null, "a"), "b"), "c");

        Assert.Equal(["a", "b", "c"], Assert.IsType<string[]>(values));
    }

    [Fact]
    public void A_list_with_room_to_spare_becomes_an_array_of_its_length()
    {
        var list = new List<int>(8) { 1, 2, 3 };

        Assert.Equal([1, 2, 3], Assert.IsType<int[]>(Repeated.Exact(list)));
    }

    [Fact]
    public void A_full_list_an_array_and_null_are_kept_as_they_are()
    {
        var full = new List<int>(2) { 1, 2 };
        int[] array = [1];

        Assert.Same(full, Repeated.Exact(full));
        Assert.Same(array, Repeated.Exact(array));
        Assert.Null(Repeated.Exact<int>(null));
    }
}
