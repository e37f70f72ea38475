using LbOperator.Core.Model;
using LbOperator.Operator.Changes;

namespace LbOperator.Operator.Tests.Changes;

public sealed class HttpRouteConfigExtractorTests
{
    [Fact]
    public void Each_rule_lists_its_backends_with_weights()
    {
        var route = new HttpRouteInfo(
            "shop",
            "web",
            new Dictionary<string, string>(),
            [
                new HttpRouteRuleInfo(null,
                [
                    new HttpBackendRefInfo(null, null, null, "web", 80, 90),
                    new HttpBackendRefInfo("", "Service", "other", "web-canary", 80, null),
                ]),
                new HttpRouteRuleInfo("mirror", [new HttpBackendRefInfo("example.io", "Bucket", "shop", "assets", null, 0)]),
                new HttpRouteRuleInfo(null, []),
            ]);

        var config = HttpRouteConfigExtractor.Extract(route);

        Assert.Equal(
            [
                "rules[0]=web:80 weight 90, other/web-canary:80 weight 1",
                "rules[mirror]=Bucket assets weight 0",
                "rules[2]=(no backends)",
            ],
            config.Fields.Select(pair => $"{pair.Key}={pair.Value}"));
    }
}
