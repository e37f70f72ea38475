using System.Text;
using LbOperator.Webhook.Admission;
using LbOperator.Webhook.Tests.Support;

namespace LbOperator.Webhook.Tests.Admission;

public sealed class AdmissionReviewReaderTests
{
    [Fact]
    public void An_update_review_yields_uid_kind_operation_both_objects_and_dry_run()
    {
        var request = AdmissionReviewReader.Read(Fixture.Bytes("service-update-cluster-to-local.json")).Request!;

        Assert.Equal("a7d2c0f4-0b8e-4d6f-9c31-5e2b7a9f1c20", request.Uid);
        Assert.Equal(new GroupVersionKind("", "v1", "Service"), request.Kind);
        Assert.Equal("UPDATE", request.Operation);
        Assert.Equal("shop", request.Namespace);
        Assert.Equal("checkout", request.Name);
        Assert.Equal("Local", request.Object!.Value.GetProperty("spec").GetProperty("externalTrafficPolicy").GetString());
        Assert.Equal("Cluster", request.OldObject!.Value.GetProperty("spec").GetProperty("externalTrafficPolicy").GetString());
        Assert.False(request.DryRun);
    }

    [Fact]
    public void A_create_review_has_no_old_object()
    {
        var request = AdmissionReviewReader.Read(Fixture.Bytes("service-create-local.json")).Request!;

        Assert.Null(request.OldObject);
        Assert.NotNull(request.Object);
    }

    [Fact]
    public void Dry_run_is_read()
    {
        var body = Fixture.With("service-update-cluster-to-local.json", n => n["request"]!["dryRun"] = true);

        Assert.True(AdmissionReviewReader.Read(body).Request!.DryRun);
    }

    [Theory]
    [InlineData("", "the request body is empty")]
    [InlineData("{", "the request body is not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object (an AdmissionReview), not an array")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{}}""", "apiVersion must be admission.k8s.io/v1 (got 'admission.k8s.io/v1beta1')")]
    [InlineData("""{"apiVersion":7,"kind":"AdmissionReview"}""", "apiVersion must be admission.k8s.io/v1 (got a number)")]
    [InlineData("""{"kind":"AdmissionReview"}""", "apiVersion must be admission.k8s.io/v1 (got nothing)")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"Pod"}""", "kind must be AdmissionReview (got 'Pod')")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "the AdmissionReview has no request")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":null}""", "the AdmissionReview has no request")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":"x"}""", "request must be an object, not a string")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{}}""", "request.uid must be a non-empty string")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":5}}""", "request.uid must be a non-empty string")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u"}}""", "request.kind must be an object")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1"}}}""", "request.kind must have string fields group, version and kind")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Service"}}}""", "request.operation must be a non-empty string")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Service"},"operation":"CREATE","namespace":[]}}""", "request.namespace must be a string, not an array")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Service"},"operation":"CREATE","object":"svc"}}""", "request.object must be an object, not a string")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Service"},"operation":"UPDATE","oldObject":1}}""", "request.oldObject must be an object, not a number")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","kind":{"version":"v1","kind":"Service"},"operation":"CREATE","dryRun":"yes"}}""", "request.dryRun must be true or false, not a string")]
    public void Malformed_reviews_are_refused_with_a_message_naming_the_problem(string body, string expected)
    {
        var result = AdmissionReviewReader.Read(Encoding.UTF8.GetBytes(body));

        Assert.Null(result.Request);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_with_invalid_utf8_is_refused()
    {
        var body = Encoding.UTF8.GetBytes("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"XX"}}""");
        body[Array.IndexOf(body, (byte)'X')] = 0xF8;

        Assert.Equal("the request body contains a string that is not valid UTF-8", AdmissionReviewReader.Read(body).Error);
    }

    [Fact]
    public void A_very_long_wrong_api_version_is_quoted_shortened()
    {
        var body = $$"""{"apiVersion":"{{new string('x', 5000)}}","kind":"AdmissionReview"}""";

        var error = AdmissionReviewReader.Read(Encoding.UTF8.GetBytes(body)).Error!;

        Assert.True(error.Length < 150, error);
    }
}
