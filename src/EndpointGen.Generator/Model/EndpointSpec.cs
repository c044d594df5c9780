using System.Linq;

namespace EndpointGen.Generator.Model;

/// <summary>One endpoint: one async method on the client.</summary>
/// <param name="Name">The C# name; the method is <c>{Name}Async</c>.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template as written.</param>
/// <param name="Segments">The path split into literal text and parameter references.</param>
/// <param name="ParametersTypeName">The C# name of the query/header parameter type, or <see langword="null"/> when the endpoint has none.</param>
/// <param name="Body">The request body type, or <see langword="null"/> for none.</param>
/// <param name="Target">Where its requests go (a server, a given URL) and whether they carry the credential; <see langword="null"/> for the base URL with it.</param>
internal sealed record EndpointSpec(
    string Name,
    string Method,
    string Path,
    EquatableArray<PathSegment> Segments,
    string? Summary,
    string? Description,
    EquatableArray<ParameterSpec> PathParameters,
    EquatableArray<ParameterSpec> QueryParameters,
    EquatableArray<ParameterSpec> HeaderParameters,
    string? ParametersTypeName,
    TypeRef? Body,
    ResponseSpec Response,
    TargetSpec? Target = null)
{
    /// <summary>How the request body is sent: JSON unless the descriptor's long form says otherwise.</summary>
    public BodyEncodingSpec BodyEncoding { get; init; } = BodyEncodingSpec.Json;

    /// <summary>How the endpoint pages (<c>pagination</c>), which gives it a <c>{Name}AllAsync</c> method; <see langword="null"/> when it does not.</summary>
    public PaginationSpec? Pagination { get; init; }

    /// <summary>Whether the method's <c>parameters</c> argument may be left out: the endpoint has some, and none is required.</summary>
    public bool ParametersOptional =>
        ParametersTypeName is not null && !QueryParameters.Any(static p => p.Required) && !HeaderParameters.Any(static p => p.Required);
}

/// <summary>A piece of a path template: literal text, or the path parameter with the given wire name.</summary>
internal sealed record PathSegment(string Text, bool IsParameter);

/// <summary>A path, query or header parameter.</summary>
/// <param name="WireName">The name on the wire, exactly as documented.</param>
/// <param name="PropertyName">The PascalCase C# name (a property of the parameters type).</param>
/// <param name="ArgumentName">The camelCase C# name (a method argument), escaped with <c>@</c> where it is a keyword.</param>
internal sealed record ParameterSpec(
    string WireName,
    string PropertyName,
    string ArgumentName,
    TypeRef Type,
    bool Required,
    string? Description,
    string? Example)
{
    /// <summary>How an array parameter's elements go on the wire; <see cref="ListStyle.Repeat"/> for any other parameter.</summary>
    public ListStyle Style { get; init; }

    /// <summary>The default the vendor documents, as written (documentation only, never sent), or <see langword="null"/>.</summary>
    public string? Default { get; init; }
}

/// <summary>How the elements of an array parameter are written (the descriptor's <c>style</c> key).</summary>
internal enum ListStyle
{
    /// <summary>The key repeated for each element: <c>labels=a&amp;labels=b</c>.</summary>
    Repeat,

    /// <summary>The key with <c>[]</c>, repeated: <c>labels[]=a&amp;labels[]=b</c>.</summary>
    Brackets,

    /// <summary>One value, the elements joined with commas: <c>labels=a,b</c>; the only style of a header.</summary>
    Comma,
}

/// <summary>The documented success response.</summary>
/// <param name="Type">The body type, or <see langword="null"/> for an empty or ignored body; with <see cref="Events"/>, the type of each event's data.</param>
internal sealed record ResponseSpec(int Status, TypeRef? Type, string? Description)
{
    /// <summary>Whether the answer is a <c>text/event-stream</c> (<c>encoding: events</c>), its events' data of <see cref="Type"/>.</summary>
    public bool Events { get; init; }
}
