namespace LbOperator.Chart.Tests.CustomResources;

/// <summary>The empty <c>selfSigned: {}</c> marker.</summary>
public sealed class SelfSignedIssuer
{
}
