namespace LbOperator.ApiEmulator.Faults;

/// <summary>The Kubernetes API verbs the emulator serves; fault rules and the request log use them.</summary>
public enum ApiVerb
{
    List,
    Watch,
    Get,
    Create,
    Update,
    Patch,
    Delete,
}
