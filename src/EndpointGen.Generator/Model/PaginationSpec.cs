namespace EndpointGen.Generator.Model;

/// <summary>How a paged endpoint names its next page (<c>pagination.style</c>).</summary>
internal enum PaginationStyle
{
    /// <summary><c>page</c>: a page number in a query parameter, counted from <see cref="PaginationSpec.Start"/>.</summary>
    Page,

    /// <summary><c>cursor</c>: the cursor a page gives, sent in a query parameter for the next.</summary>
    Cursor,

    /// <summary><c>nextUrl</c>: the next page's URL a page gives, followed as a server-given URL.</summary>
    NextUrl,
}

/// <summary>
/// An endpoint's <c>pagination</c>: the style, the query parameter that selects a page, and the paths, from the
/// response type, to the items and to what tells the next page or the end.
/// </summary>
/// <param name="Style">The style.</param>
/// <param name="Items">The path to the page's item array.</param>
/// <param name="ItemType">The item type: the element type of that array.</param>
/// <param name="Parameter">The query parameter that selects the page (page and cursor styles), or <see langword="null"/>.</param>
/// <param name="Start">The first page number (page style; 1 unless written).</param>
/// <param name="Total">The path to the total item count (page style), or <see langword="null"/>.</param>
/// <param name="LastPage">The path to the last page number (page style), or <see langword="null"/>.</param>
/// <param name="Next">The path to the next cursor or URL (cursor and nextUrl styles), or <see langword="null"/>; with <paramref name="NextFrom"/> an item's, from the item type.</param>
/// <param name="NextFrom">Where <paramref name="Next"/> starts: the response, or the page's first or last item (<c>@first.id</c>, cursor style).</param>
internal sealed record PaginationSpec(
    PaginationStyle Style,
    FieldPath Items,
    TypeRef ItemType,
    ParameterSpec? Parameter,
    int Start,
    FieldPath? Total,
    FieldPath? LastPage,
    FieldPath? Next,
    CursorSource NextFrom = CursorSource.Response);

/// <summary>Where a cursor style's <c>next</c> path starts.</summary>
internal enum CursorSource
{
    /// <summary>A path in the response: the cursor the answer gives beside the items.</summary>
    Response,

    /// <summary><c>@first.&lt;path&gt;</c>: a field of the page's first item (Chatwoot's <c>before</c> = the oldest message's id).</summary>
    FirstItem,

    /// <summary><c>@last.&lt;path&gt;</c>: a field of the page's last item.</summary>
    LastItem,
}

/// <summary>A dotted path of object fields from a response type to one value.</summary>
/// <param name="Steps">The C# properties, each an object field but the last; a three-state step is read through its value.</param>
/// <param name="JsonPath">The path as written, JSON names joined by dots, for documentation.</param>
/// <param name="Type">The type of the value at the end.</param>
/// <param name="Nullable">Whether that value's C# property can be <see langword="null"/> (optional, nullable or three-state).</param>
internal sealed record FieldPath(EquatableArray<MessageStep> Steps, string JsonPath, TypeRef Type, bool Nullable);
