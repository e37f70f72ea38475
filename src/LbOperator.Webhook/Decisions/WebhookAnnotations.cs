namespace LbOperator.Webhook.Decisions;

/// <summary>Annotations users put on an object to steer the webhook.</summary>
public static class WebhookAnnotations
{
    /// <summary><c>off</c>, <c>warn</c> or <c>enforce</c> for this one object, over the namespace and cluster mode.</summary>
    public const string Enforce = "lb-operator.io/enforce";

    /// <summary><c>"true"</c> skips the object entirely.</summary>
    public const string Ignore = "lb-operator.io/ignore";
}
