#if !NETSTANDARD2_1_OR_GREATER && !NETCOREAPP3_0_OR_GREATER
namespace System.Diagnostics.CodeAnalysis;

/// <summary>The compiler's nullable-analysis attribute, which netstandard2.0 lacks; internal, so it never meets a copy of another assembly.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
internal sealed class NotNullWhenAttribute : Attribute
{
    /// <summary>Marks an out parameter as not null when the method returns <paramref name="returnValue"/>.</summary>
    /// <param name="returnValue">The return value that guarantees a non-null argument.</param>
    public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

    /// <summary>The return value that guarantees a non-null argument.</summary>
    public bool ReturnValue { get; }
}
#endif
