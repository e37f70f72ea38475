namespace LbOperator.ApiEmulator.Backends;

public enum ApiServerBackend
{
    Emulator,
    Envtest,
}
