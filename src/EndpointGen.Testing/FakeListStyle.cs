using System.ComponentModel;

namespace EndpointGen.Testing;

/// <summary>How an array query parameter is on the wire (the descriptor's <c>style</c>). For generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum FakeListStyle
{
    /// <summary><c>tag=a&amp;tag=b</c>.</summary>
    Repeat,

    /// <summary><c>tag[]=a&amp;tag[]=b</c>.</summary>
    Brackets,

    /// <summary><c>tag=a,b</c>.</summary>
    Comma,
}
