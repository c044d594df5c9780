namespace EndpointGen.Generator.Model;

/// <summary>How a request body goes on the wire.</summary>
internal enum BodyEncoding
{
    /// <summary><c>application/json</c>, written by the type's JSON converter.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>: the fields of an object type as key/value pairs.</summary>
    Form,

    /// <summary><c>multipart/form-data</c>: the fields of an object type as parts, files included.</summary>
    Multipart,

    /// <summary>The body as it is: a <c>file</c> (binary) or <c>text</c> body.</summary>
    Raw,
}

/// <summary>How nested objects of a form body are keyed.</summary>
internal enum FormNestingStyle
{
    /// <summary><c>Parent.Child</c>.</summary>
    Dots,

    /// <summary><c>Parent[Child]</c>.</summary>
    Brackets,
}

/// <summary>How arrays of a form or multipart body are written.</summary>
internal enum FormArrayStyle
{
    /// <summary>The key once per element: <c>tag=a&amp;tag=b</c>.</summary>
    Repeat,

    /// <summary>The key with <c>[]</c> once per element: <c>tag[]=a&amp;tag[]=b</c>.</summary>
    Brackets,

    /// <summary>One value, the elements joined by commas: <c>tag=a,b</c>.</summary>
    Comma,
}

/// <summary>The long form of <c>body</c>: its encoding, the form key styles and a declared content type.</summary>
/// <param name="Encoding">How the body is sent.</param>
/// <param name="Nesting">How nested objects of a form body are keyed.</param>
/// <param name="Arrays">How arrays of a form or multipart body are written.</param>
/// <param name="ContentType">The declared media type (json, text and file bodies), or <see langword="null"/> for the encoding's own.</param>
/// <param name="Description">Documentation of the body argument.</param>
internal sealed record BodyEncodingSpec(BodyEncoding Encoding, FormNestingStyle Nesting, FormArrayStyle Arrays, string? ContentType, string? Description)
{
    /// <summary>The shorthand <c>body: T</c>: JSON.</summary>
    public static readonly BodyEncodingSpec Json = new(BodyEncoding.Json, FormNestingStyle.Dots, FormArrayStyle.Repeat, null, null);
}
