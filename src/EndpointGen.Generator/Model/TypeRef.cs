using System;

namespace EndpointGen.Generator.Model;

/// <summary>The kinds of value a type expression can name.</summary>
internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Number,
    Boolean,
    Uuid,
    DateTime,
    Date,
    UnixTime,
    Json,

    /// <summary><c>file</c>: a file part of a multipart body, or a whole binary body (<c>FileContent</c>); not JSON.</summary>
    File,

    /// <summary><c>bytes</c>: a response body as a byte array; not JSON.</summary>
    Bytes,

    /// <summary><c>stream</c>: a response body as a stream the caller reads; not JSON.</summary>
    Stream,

    /// <summary><c>text</c>: a request or response body as plain text; not JSON.</summary>
    Text,
    Array,
    Map,
    Object,
    Enum,
}

/// <summary>
/// A resolved type expression: a primitive, an array or map of an element type, or a named object or enum
/// type of the same descriptor (by its C# name).
/// </summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null)
{
    /// <summary>
    /// Whether the C# type is a value type, so that an optional value is a <c>Nullable&lt;T&gt;</c>. An open enum is a
    /// class, so an optional one is a nullable reference whose <c>Value</c> is its own.
    /// </summary>
    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Number or TypeKind.Boolean
        or TypeKind.Uuid or TypeKind.DateTime or TypeKind.Date or TypeKind.UnixTime;

    /// <summary>Whether this is one of the content types (<c>file</c>, <c>bytes</c>, <c>stream</c>, <c>text</c>), which have no JSON form.</summary>
    public bool IsContent => Kind is TypeKind.File or TypeKind.Bytes or TypeKind.Stream or TypeKind.Text;

    /// <summary>The expression as a descriptor would spell it, for messages.</summary>
    public string Display => Kind switch
    {
        TypeKind.Array => Element!.Display + "[]",
        TypeKind.Map => "map<" + Element!.Display + ">",
        TypeKind.Object or TypeKind.Enum => Name!,
        TypeKind.DateTime => "date-time",
        TypeKind.UnixTime => "unix-time",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    public bool Equals(TypeRef? other) =>
        other is not null && Kind == other.Kind && string.Equals(Name, other.Name, StringComparison.Ordinal) && Equals(Element, other.Element);

    public override int GetHashCode() => unchecked(((int)Kind * 397) ^ (Name?.GetHashCode() ?? 0) ^ (Element?.GetHashCode() ?? 0));
}
