// Each scenario runs its own control plane and operator processes; one at a time keeps a two-core
// machine able to meet every scenario's deadline.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
