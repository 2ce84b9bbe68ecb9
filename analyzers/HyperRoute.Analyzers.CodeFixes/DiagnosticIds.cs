namespace HyperRoute.Analyzers.CodeFixes;

/// <summary>
/// The IDs this assembly fixes, as <c>DiagnosticDescriptors</c> in <c>HyperRoute.Analyzers</c> declares them (the
/// descriptors are internal there; IDs never change, so a copy cannot drift).
/// </summary>
internal static class DiagnosticIds
{
    public const string RouterCannotBeGenerated = "HR0002";
    public const string RouteCannotBind = "HR0003";
    public const string SpanOnAsyncHandler = "HR0015";
    public const string AsyncVoidHandler = "HR0016";
    public const string ExplicitAllocation = "HR1001";
    public const string RangeSlice = "HR1011";
    public const string LambdaCouldBeStatic = "HR1013";
}
