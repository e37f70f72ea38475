using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Building;

/// <summary>A part of an entry point's traffic that fails, and the object whose configuration sends it there.</summary>
internal sealed record BlackholeCause(ObjectRef Object, double Share, string Reason, string Fix);
