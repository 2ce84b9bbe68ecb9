using System;

namespace HyperRoute;

/// <summary>
/// Marks a method whose body must not allocate on the managed heap. HyperRoute's analyzers report every
/// allocation they can see in such a method (and in the lambdas and local functions inside it).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class HotPathAttribute : Attribute
{
}
