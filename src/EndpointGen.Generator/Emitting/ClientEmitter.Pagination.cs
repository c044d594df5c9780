using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <content>
/// Paged endpoints (<c>pagination</c>): the <c>{Name}AllAsync</c> method, one line that hands the runner the request
/// builder with its page argument and where a page keeps its items and what tells the next page. The builder takes
/// the page number, cursor or next URL as a last, optional argument, which the plain methods leave out, so they build
/// what they built before.
/// </content>
internal static partial class ClientEmitter
{
    /// <summary>Writes the type arguments of <c>ApiPageable&lt;TItem, TPage&gt;</c>, the type <c>{Name}AllAsync</c> returns.</summary>
    private static void WritePageTypeArguments(SourceWriter w, ServiceSpec service, EndpointSpec endpoint) =>
        w.Write($"<{TypeSyntax.Name(endpoint.Pagination!.ItemType, service.Namespace)}, {TypeSyntax.Name(endpoint.Response.Type!, service.Namespace)}>");

    /// <summary>The builder's last argument on a paged endpoint: the page number, cursor or next URL of a page after the first.</summary>
    private static void WritePagingArgument(SourceWriter w, EndpointSpec endpoint, string separator)
    {
        switch (endpoint.Pagination)
        {
            case { Style: PaginationStyle.Page, Parameter: { } parameter }:
                w.Write($"{separator}{(parameter.Type.Kind == TypeKind.Int64 ? "long" : "int")}? page = null");
                break;
            case { Style: PaginationStyle.Cursor, Parameter.Type.Kind: TypeKind.Int32 }:
                w.Write($"{separator}int? cursor = null");
                break;
            case { Style: PaginationStyle.Cursor, Parameter.Type.Kind: TypeKind.Int64 }:
                w.Write($"{separator}long? cursor = null");
                break;
            case { Style: PaginationStyle.Cursor }:
                w.Write($"{separator}string? cursor = null");
                break;
            case { Style: PaginationStyle.NextUrl }:
                w.Write($"{separator}global::System.Uri? nextUrl = null");
                break;
        }
    }

    /// <summary>The builder's argument that wins over a query parameter: the page number or cursor, for the parameter that selects the page.</summary>
    private static string? PagingOverride(EndpointSpec endpoint, ParameterSpec parameter) => endpoint.Pagination switch
    {
        { Style: PaginationStyle.Page, Parameter: { } p } when p.WireName == parameter.WireName => "page",
        { Style: PaginationStyle.Cursor, Parameter: { } p } when p.WireName == parameter.WireName => "cursor",
        _ => null,
    };

    /// <summary>The interface's <c>{Name}AllAsync</c>, with what pages it fetches and how they end.</summary>
    private static void EmitAllDeclaration(SourceWriter w, ServiceSpec service, ServiceNames names, EndpointSpec endpoint)
    {
        if (endpoint.Pagination is not { } pagination)
        {
            return;
        }

        w.WriteLine();
        w.Write($"/// <summary>Every item of <see cref=\"{endpoint.Name}Async\"/>'s pages, page after page: ");
        WritePagingSummary(w, pagination);
        w.WriteLine(".</summary>");
        w.WriteLine("/// <remarks>");
        w.Write($"/// Each page is the request <see cref=\"{endpoint.Name}Async\"/> sends, ");
        WritePagingRemark(w, pagination);
        w.WriteLine("""
            . Pages are fetched as the
            /// enumeration reaches them, and each enumeration starts again from the first; <c>AsPages()</c> goes page by page, with each
            /// page's items, body, status and headers. A server that gives a cursor or URL again, or answers a page exactly as the one
            /// before, stops the enumeration with <see cref="global::System.InvalidOperationException"/> rather than looping.
            /// </remarks>
            """);
        EmitArgumentDocs(w, service, endpoint);
        w.WriteLine($$"""
            /// <param name="cancellationToken">Cancels the enumeration and the request in flight, as the enumeration's own token does.</param>
            /// <returns>The items, every page's in turn (<c>{{Code.DocText(pagination.Items.JsonPath)}}</c> of each page).</returns>
            /// <exception cref="{{names.Exception}}">While enumerating: the service answered a page with a non-success status, or with a body that does not match the descriptor.</exception>
            /// <exception cref="global::System.ArgumentException">At the call: a required argument or parameter is missing, or a header value contains a line break.</exception>
            /// <exception cref="global::System.InvalidOperationException">While enumerating: the pages would not end (see remarks), or a next page's URL cannot be followed.</exception>
            """);
        WriteSignature(w, service, endpoint, MethodForm.All);
        w.WriteLine(";");
    }

    /// <summary>How the pages go and end, for the summary.</summary>
    private static void WritePagingSummary(SourceWriter w, PaginationSpec pagination)
    {
        switch (pagination.Style)
        {
            case PaginationStyle.Page:
                var name = pagination.Parameter!.WireName;
                var culture = System.Globalization.CultureInfo.InvariantCulture;
                var (start, second, third) = (pagination.Start.ToString(culture), (pagination.Start + 1L).ToString(culture), (pagination.Start + 2L).ToString(culture));
                w.Write($"<c>{Code.DocText(name)}</c> = {start}, {second}, {third}, ... (or from the <c>{Code.DocText(name)}</c> the parameters set), ending ");
                if (pagination.Total is { } total)
                {
                    w.Write($"once <c>{Code.DocText(total.JsonPath)}</c> items (the total a page gives) have come, or at an empty page");
                }
                else if (pagination.LastPage is { } last)
                {
                    w.Write($"after page <c>{Code.DocText(last.JsonPath)}</c> (the last page a page gives), or at an empty page");
                }
                else
                {
                    w.Write("at an empty page");
                }

                break;
            case PaginationStyle.Cursor when pagination.NextFrom != CursorSource.Response:
                w.Write($"each next page asked for with <c>{Code.DocText(pagination.Parameter!.WireName)}</c> = the <c>{Code.DocText(pagination.Next!.JsonPath)}</c> of the {(pagination.NextFrom == CursorSource.FirstItem ? "first" : "last")} item of the page before, ending at a page without items");
                break;
            case PaginationStyle.Cursor:
                w.Write($"each next page asked for with the cursor at <c>{Code.DocText(pagination.Next!.JsonPath)}</c> of the page before, in <c>{Code.DocText(pagination.Parameter!.WireName)}</c>, ending at a page that gives none");
                break;
            default:
                w.Write($"each next page fetched from the URL at <c>{Code.DocText(pagination.Next!.JsonPath)}</c> of the page before, ending at a page that gives none");
                break;
        }
    }

    /// <summary>What a page after the first changes in the request, for the remarks.</summary>
    private static void WritePagingRemark(SourceWriter w, PaginationSpec pagination)
    {
        switch (pagination.Style)
        {
            case PaginationStyle.Page:
                w.Write($"with its page number in <c>{Code.DocText(pagination.Parameter!.WireName)}</c>");
                break;
            case PaginationStyle.Cursor when pagination.NextFrom != CursorSource.Response:
                w.Write($"with that item's <c>{Code.DocText(pagination.Next!.JsonPath)}</c> in <c>{Code.DocText(pagination.Parameter!.WireName)}</c> (the first page sends the one the parameters set, if any)");
                break;
            case PaginationStyle.Cursor:
                w.Write($"with the cursor in <c>{Code.DocText(pagination.Parameter!.WireName)}</c> (the first page sends the one the parameters set, if any)");
                break;
            default:
                w.Write("the pages after the first going to the URL the page before gave (a relative one taken from that page's URL), without\n"
                    + "/// the query parameters, which the link carries; as for a server-given URL, the credential and the header parameters go only to the\n"
                    + "/// service's own origins");
                break;
        }
    }

    /// <summary>The client's <c>{Name}AllAsync</c>: the runner's pager over the builder.</summary>
    private static void EmitAllMethod(SourceWriter w, ServiceSpec service, EndpointSpec endpoint)
    {
        if (endpoint.Pagination is not { } pagination)
        {
            return;
        }

        var ns = service.Namespace;
        var response = endpoint.Response.Type!;
        w.WriteLine("/// <inheritdoc/>");
        w.Write("public ");
        WriteSignature(w, service, endpoint, MethodForm.All);
        w.WriteLine(" =>");
        w.Indent();
        var (method, argument) = pagination.Style switch
        {
            PaginationStyle.Page => ("PageByNumber", "page"),
            PaginationStyle.Cursor => ("PageByCursor", "cursor"),
            _ => ("PageByNextUrl", "nextUrl"),
        };
        w.Write($"_runner.{method}");
        WritePageTypeArguments(w, service, endpoint);
        // An integer cursor (an item's id) goes through the runner as its invariant text and back.
        var integer = pagination.Style == PaginationStyle.Cursor && pagination.Parameter!.Type.Kind is TypeKind.Int32 or TypeKind.Int64;
        var number = pagination.Parameter?.Type.Kind == TypeKind.Int32 ? "int" : "long";
        var passed = integer ? $"{argument} is null ? default({number}?) : {number}.Parse({argument}, {Culture})" : argument;
        w.Write($"({Code.Literal(endpoint.Name)}, {argument} => Create{endpoint.Name}Request(");
        WriteArguments(w, endpoint);
        w.Write(HasBuilderArguments(endpoint) ? $", {passed}), " : $"{passed}), ");
        switch (pagination.Style)
        {
            case PaginationStyle.Page:
                var first = $"parameters?.{pagination.Parameter!.PropertyName} ?? {pagination.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                w.Write(pagination.Parameter.Type.Kind == TypeKind.Int64 ? $"checked((int)({first})), " : $"{first}, ");
                break;
            case PaginationStyle.Cursor when integer:
                w.Write($"parameters?.{pagination.Parameter!.PropertyName}?.ToString({Culture}), ");
                break;
            case PaginationStyle.Cursor:
                w.Write($"parameters?.{pagination.Parameter!.PropertyName}, ");
                break;
        }

        w.Write($"{Code.Literal(response.Display)}, {TypeSyntax.ReadFunction(response, ns)}, {PathFunction(pagination.Items)}, ");
        switch (pagination.Style)
        {
            case PaginationStyle.Page:
                w.Write($"{(pagination.Total is { } total ? PathFunction(total) : "null")}, {(pagination.LastPage is { } last ? PathFunction(last) : "null")}, ");
                break;
            case PaginationStyle.Cursor when pagination.NextFrom != CursorSource.Response:
                w.Write($"{ItemCursorFunction(pagination)}, ");
                break;
            default:
                w.Write($"{PathFunction(pagination.Next!)}, ");
                break;
        }

        w.WriteLine("cancellationToken);");
        w.Unindent();
        w.WriteLine();
    }

    /// <summary>Whether the builder takes an argument before the page one.</summary>
    private static bool HasBuilderArguments(EndpointSpec endpoint) =>
        endpoint.Target?.GivenUrl == true || endpoint.PathParameters.Count > 0 || endpoint.Body is not null || endpoint.ParametersTypeName is not null;

    /// <summary>
    /// The function reading a path of a page: <c>static response => response.Meta?.Count</c>. Every step after the first
    /// is null-conditional, as an absent object ends the path; a three-state step is read through its value, and a
    /// uuid cursor as its text.
    /// </summary>
    private static string PathFunction(FieldPath path) => "static response => " + PathExpression("response", path, nullConditional: false);

    private const string Culture = "global::System.Globalization.CultureInfo.InvariantCulture";

    /// <summary>
    /// The function reading an item's cursor (<c>@first.id</c>): the field of the page's first or last item as text,
    /// <see langword="null"/> when the page has no items, which ends the pages.
    /// </summary>
    private static string ItemCursorFunction(PaginationSpec pagination)
    {
        var index = pagination.NextFrom == CursorSource.FirstItem ? "0" : "items.Count - 1";
        var value = PathExpression($"items[{index}]", pagination.Next!, nullConditional: true);
        if (pagination.Next!.Type.Kind is TypeKind.Int32 or TypeKind.Int64)
        {
            value += $"{(pagination.Next.Nullable ? "?." : ".")}ToString({Culture})";
        }

        return $"static response => {PathExpression("response", pagination.Items, nullConditional: false)} is {{ }} items && items.Count > 0 ? {value} : null";
    }

    /// <summary>A path read from <paramref name="start"/>: every step after the first null-conditional (the first too when <paramref name="nullConditional"/>).</summary>
    private static string PathExpression(string start, FieldPath path, bool nullConditional)
    {
        var text = new System.Text.StringBuilder(start);
        for (var i = 0; i < path.Steps.Count; i++)
        {
            text.Append(i == 0 && !nullConditional ? "." : "?.").Append(path.Steps[i].PropertyName);
            if (path.Steps[i].IsThreeState)
            {
                text.Append(".GetValueOrDefault()");
            }
        }

        if (path.Type.Kind == TypeKind.Uuid)
        {
            text.Append(path.Nullable ? "?.ToString(\"D\")" : ".ToString(\"D\")");
        }

        return text.ToString();
    }
}
