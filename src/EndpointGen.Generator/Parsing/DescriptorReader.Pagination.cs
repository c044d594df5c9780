using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// An endpoint's <c>pagination</c>: the style (<c>page</c>, <c>cursor</c>, <c>nextUrl</c>), the query parameter that
/// selects a page, and the dotted paths through the response's object fields to the items, the total count, the last
/// page number or the next cursor or URL; and the <c>{Name}AllAsync</c> method a paged endpoint takes.
/// </content>
internal sealed partial class DescriptorReader
{
    private const string All = "All";
    private static readonly string[] s_paginationKeys = { "style", "items", "parameter", "start", "total", "lastPage", "next" };
    private static readonly string[] s_paginationRequired = { "style", "items" };

    // The builder's page argument and the locals of a paged request: a path parameter of these names would clash with them.
    private static readonly string[] s_pagingArguments = { "page", "cursor", "nextUrl", "own" };

    /// <summary>
    /// Reports a paged endpoint whose <c>{Name}AllAsync</c> is another endpoint's <c>{Name}Async</c> (<c>List</c> paged
    /// beside <c>ListAll</c>), and drops it.
    /// </summary>
    private void RemoveAllAsyncCollisions(List<EndpointSpec> endpoints, Dictionary<string, YamlScalar> keys)
    {
        for (var i = endpoints.Count - 1; i >= 0; i--)
        {
            var endpoint = endpoints[i];
            if (endpoint.Pagination is not null && keys.TryGetValue(endpoint.Name + All, out var other) && keys.TryGetValue(endpoint.Name, out var key))
            {
                Report(DiagnosticDescriptors.NameCollision, key.Location, "endpoint", key.Value, endpoint.Name + All + "Async", $"the endpoint '{other.Value}' has too (a paged endpoint also has an ...AllAsync method)");
                endpoints.RemoveAt(i);
            }
        }
    }

    /// <summary>Reads <c>pagination</c>, checking it against the endpoint's response, query parameters and target.</summary>
    /// <returns>The pagination, or <see langword="null"/> after reporting why there is none.</returns>
    private PaginationSpec? ReadPagination(
        YamlNode node,
        ResponseSpec? response,
        List<ParameterSpec> query,
        List<(YamlScalar Key, ParameterSpec Spec)> pathParameters,
        TargetSpec? target,
        List<DeclaredType> types)
    {
        var map = AsMapping(node, "pagination");
        if (map is null)
        {
            return null;
        }

        var keys = ReadKeys(map, "pagination", s_paginationKeys, s_paginationRequired);
        var styleNode = keys.Get("style");
        var styleText = String(styleNode, "style");
        PaginationStyle? style = null;
        switch (styleText)
        {
            case null:
                break;
            case "page":
                style = PaginationStyle.Page;
                break;
            case "cursor":
                style = PaginationStyle.Cursor;
                break;
            case "nextUrl":
                style = PaginationStyle.NextUrl;
                break;
            default:
                Report(DiagnosticDescriptors.InvalidValue, styleNode!.Location, "style", $"'{styleText}' is not one of page, cursor, nextUrl");
                break;
        }

        var ok = style is not null && keys.Get("items") is not null;
        if (style is { } known)
        {
            ok &= CheckPaginationKeys(map, keys, known, target);
        }

        foreach (var (key, spec) in pathParameters)
        {
            if (Array.IndexOf(s_pagingArguments, spec.ArgumentName) >= 0)
            {
                Report(DiagnosticDescriptors.NameCollision, key.Location, "path parameter", key.Value, spec.ArgumentName, "is an argument or local of the request a paged endpoint builds for each page");
                ok = false;
            }
        }

        // The paths start at the response type: without an object there, there is nothing to check them against.
        if (response is null)
        {
            return null;
        }

        if (response.Type is null)
        {
            Report(DiagnosticDescriptors.InvalidValue, map.Location, "pagination", "the endpoint has no response type; a paged endpoint's response is an object type holding the items");
            return null;
        }

        if (response.Events)
        {
            Report(DiagnosticDescriptors.InvalidValue, map.Location, "pagination", "the response is an event stream (encoding: events), which is read event by event, not page by page; a paged endpoint's response is an object type holding the items");
            return null;
        }

        if (response.Type.Kind != TypeKind.Object)
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, map.Location, response.Type.Display, "as the response of a paged endpoint; it must be an object type, whose fields hold the items and what tells the next page");
            return null;
        }

        var items = ReadFieldPath(keys.Get("items"), "items", response.Type, types);
        if (items is not null && items.Type.Kind != TypeKind.Array)
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, keys.Get("items")!.Location, items.Type.Display, $"as the items of a page ('{items.JsonPath}'); the items path must end at an array field");
            items = null;
        }

        var nextText = keys.Get("next") is YamlScalar nextScalar ? nextScalar.Value : null;
        var from = ItemCursorSource(nextText);
        var parameter = style is PaginationStyle.Page or PaginationStyle.Cursor ? ReadPageParameter(keys.Get("parameter"), style.Value, query, from != CursorSource.Response) : null;
        var paged = style == PaginationStyle.Page;
        var start = paged ? ReadStart(keys.Get("start"), ref ok) : 1;
        var total = paged ? ReadCount(keys.Get("total"), "total", response.Type, types, ref ok) : null;
        var lastPage = paged ? ReadCount(keys.Get("lastPage"), "lastPage", response.Type, types, ref ok) : null;
        FieldPath? next = null;
        if (keys.Get("next") is { } nextNode && style is PaginationStyle.Cursor or PaginationStyle.NextUrl)
        {
            if (from != CursorSource.Response)
            {
                next = ReadItemCursor(nextNode, nextText!, style.Value, items, parameter, types);
            }
            else
            {
                next = ReadFieldPath(nextNode, "next", response.Type, types);
                var isText = next?.Type.Kind == TypeKind.String || (style == PaginationStyle.Cursor && next?.Type.Kind == TypeKind.Uuid);
                if (next is not null && !isText)
                {
                    var what = style == PaginationStyle.Cursor ? "as the next cursor; it must be a string or uuid field" : "as the next page's URL; it must be a string field";
                    Report(DiagnosticDescriptors.InvalidTypeUse, nextNode.Location, next.Type.Display, $"{what} ('{next.JsonPath}')");
                    next = null;
                }
            }

            ok &= next is not null;
        }

        if (!ok || items is null || (style is PaginationStyle.Page or PaginationStyle.Cursor && parameter is null))
        {
            return null;
        }

        return new PaginationSpec(style!.Value, items, items.Type.Element!, parameter, start, total, lastPage, next, from);
    }

    /// <summary>Whether <c>next</c> names an item's field: <c>@first</c>, <c>@first.&lt;path&gt;</c>, <c>@last</c> or <c>@last.&lt;path&gt;</c>.</summary>
    private static CursorSource ItemCursorSource(string? next) =>
        next is null ? CursorSource.Response
        : next == "@first" || next.StartsWith("@first.", StringComparison.Ordinal) ? CursorSource.FirstItem
        : next == "@last" || next.StartsWith("@last.", StringComparison.Ordinal) ? CursorSource.LastItem
        : CursorSource.Response;

    /// <summary>
    /// <c>next: "@first.id"</c> / <c>"@last.id"</c>: the cursor is a field of the page's first or last item, a path through
    /// the item type's object fields to a field of the cursor parameter's type (a uuid field for a string parameter too).
    /// </summary>
    private FieldPath? ReadItemCursor(YamlNode node, string text, PaginationStyle style, FieldPath? items, ParameterSpec? parameter, List<DeclaredType> types)
    {
        var dot = text.IndexOf('.');
        if (style != PaginationStyle.Cursor)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Location, "next", $"'{text}' names an item's field; only the cursor style takes the next cursor from an item (nextUrl reads a URL from the response)");
            return null;
        }

        if (dot < 0 || dot == text.Length - 1)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Location, "next", $"'{text}' names no field; write {(dot < 0 ? text : text.Substring(0, dot))}.<field>, e.g. {(dot < 0 ? text : text.Substring(0, dot))}.id");
            return null;
        }

        if (items?.Type.Element is not { } item)
        {
            return null;
        }

        if (item.Kind != TypeKind.Object)
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, node.Location, item.Display, $"as the item type of '{text}'; the next cursor comes from an item's field, so the items must be of an object type");
            return null;
        }

        var path = ReadFieldPath(node, "next", item, types, text.Substring(dot + 1));
        if (path is null || parameter is null)
        {
            return null;
        }

        var fits = parameter.Type.Kind == TypeKind.String ? path.Type.Kind is TypeKind.String or TypeKind.Uuid : path.Type.Kind == parameter.Type.Kind;
        if (!fits)
        {
            var want = parameter.Type.Kind == TypeKind.String ? "a string or uuid field" : "a field of the same type";
            Report(DiagnosticDescriptors.InvalidTypeUse, node.Location, path.Type.Display, $"as the next cursor ('{text}'); the cursor parameter '{parameter.WireName}' is {parameter.Type.Display}, so it must be {want}");
            return null;
        }

        return path;
    }

    /// <summary>Reports the keys a style needs and lacks, the ones it does not take, and a style that does not go with a given URL.</summary>
    private bool CheckPaginationKeys(YamlMapping map, MappingKeys keys, PaginationStyle style, TargetSpec? target)
    {
        var ok = true;
        var name = style switch { PaginationStyle.Page => "page", PaginationStyle.Cursor => "cursor", _ => "nextUrl" };
        if (style != PaginationStyle.NextUrl && keys.Get("parameter") is null)
        {
            Report(DiagnosticDescriptors.MissingKey, map.Location, "parameter", "pagination with style " + name);
            ok = false;
        }

        if (style != PaginationStyle.Page && keys.Get("next") is null)
        {
            Report(DiagnosticDescriptors.MissingKey, map.Location, "next", "pagination with style " + name);
            ok = false;
        }

        foreach (var key in new[] { "start", "total", "lastPage" })
        {
            if (style != PaginationStyle.Page && keys.Get(key) is { } node)
            {
                Report(DiagnosticDescriptors.InvalidValue, node.Location, key, $"only the page style takes '{key}'; style {name} ends where the answer gives no next {(style == PaginationStyle.Cursor ? "cursor" : "URL")}");
                ok = false;
            }
        }

        if (style == PaginationStyle.NextUrl && keys.Get("parameter") is { } parameter)
        {
            Report(DiagnosticDescriptors.InvalidValue, parameter.Location, "parameter", "the nextUrl style follows the URL the answer gives and sets no query parameter; 'parameter' goes with page and cursor");
            ok = false;
        }

        if (style == PaginationStyle.Page && keys.Get("next") is { } next)
        {
            Report(DiagnosticDescriptors.InvalidValue, next.Location, "next", "the page style counts page numbers; 'next' goes with cursor and nextUrl");
            ok = false;
        }

        if (keys.Get("total") is not null && keys.Get("lastPage") is { } lastPage)
        {
            Report(DiagnosticDescriptors.InvalidValue, lastPage.Location, "lastPage", "write one of 'total' and 'lastPage': each tells the end of the pages");
            ok = false;
        }

        if (target?.GivenUrl == true && style != PaginationStyle.NextUrl)
        {
            Report(DiagnosticDescriptors.InvalidValue, keys.Get("style")!.Location, "style", $"an endpoint with 'url: given' pages only by nextUrl: its {name} parameter would be added to a URL whose query the server wrote");
            ok = false;
        }

        return ok;
    }

    /// <summary>The query parameter that selects the page: declared under <c>parameters.query</c>, an integer for a page number, a string for a cursor.</summary>
    /// <param name="itemCursor">Whether the cursor is an item's field (<c>@first.id</c>): then an int32 or int64 cursor parameter fits too.</param>
    private ParameterSpec? ReadPageParameter(YamlNode? node, PaginationStyle style, List<ParameterSpec> query, bool itemCursor)
    {
        var name = String(node, "parameter");
        if (name is null)
        {
            return null;
        }

        var parameter = query.FirstOrDefault(p => p.WireName == name);
        if (parameter is null)
        {
            var declared = query.Count == 0 ? "the endpoint declares none" : "the endpoint declares " + string.Join(", ", query.Select(p => p.WireName));
            Report(DiagnosticDescriptors.InvalidValue, node!.Location, "parameter", $"'{name}' is not a query parameter of the endpoint ({declared}); declare it under parameters.query");
            return null;
        }

        var fits = style == PaginationStyle.Page || itemCursor ? parameter.Type.Kind is TypeKind.Int32 or TypeKind.Int64 : parameter.Type.Kind == TypeKind.String;
        fits |= style == PaginationStyle.Cursor && parameter.Type.Kind == TypeKind.String;
        if (!fits)
        {
            var what = style == PaginationStyle.Page ? "as the page number parameter; it must be int32 or int64"
                : itemCursor ? "as the cursor parameter; it must be string, int32 or int64" : "as the cursor parameter; it must be string";
            Report(DiagnosticDescriptors.InvalidTypeUse, node!.Location, parameter.Type.Display, $"{what} ('{name}')");
            return null;
        }

        return parameter;
    }

    /// <summary>The first page number: an int32; 1 when not written.</summary>
    private int ReadStart(YamlNode? node, ref bool ok)
    {
        if (node is null)
        {
            return 1;
        }

        var text = String(node, "start");
        if (text is not null && node is YamlScalar { IsPlain: true } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var start))
        {
            return start;
        }

        if (text is not null)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Location, "start", $"'{text}' is not a page number (an int32 such as 0 or 1)");
        }

        ok = false;
        return 1;
    }

    /// <summary>A path to an integer field: the total item count or the last page number.</summary>
    private FieldPath? ReadCount(YamlNode? node, string key, TypeRef response, List<DeclaredType> types, ref bool ok)
    {
        if (node is null)
        {
            return null;
        }

        var path = ReadFieldPath(node, key, response, types);
        if (path is not null && path.Type.Kind is not (TypeKind.Int32 or TypeKind.Int64))
        {
            var what = key == "total" ? "the total item count" : "the last page number";
            Report(DiagnosticDescriptors.InvalidTypeUse, node.Location, path.Type.Display, $"as {what} ('{path.JsonPath}'); it must be an int32 or int64 field");
            path = null;
        }

        ok &= path is not null;
        return path;
    }

    /// <summary>
    /// Walks a dotted path of JSON names from the response type through object fields (never into an array or map
    /// before the last step) to the field it names.
    /// </summary>
    /// <param name="text">The path when it is not the node's whole text (the field path of <c>@first.id</c>).</param>
    private FieldPath? ReadFieldPath(YamlNode? node, string key, TypeRef response, List<DeclaredType> types, string? text = null)
    {
        var path = text ?? String(node, key);
        if (path is null)
        {
            return null;
        }

        var steps = new List<MessageStep>();
        TypeRef current = response;
        FieldSpec? field = null;
        foreach (var part in path.Split('.'))
        {
            if (current.Kind is TypeKind.Array or TypeKind.Map)
            {
                Report(DiagnosticDescriptors.InvalidTypeUse, node!.Location, current.Display, $"in the {key} path before '{part}': the path goes through object fields only, never into an array or map");
                return null;
            }

            var owner = current.Kind == TypeKind.Object ? types.FirstOrDefault(t => t.Spec.Name == current.Name && !t.Spec.IsEnum) : null;
            field = owner?.Spec.Fields.FirstOrDefault(f => f.JsonName == part);
            if (field is null)
            {
                Report(DiagnosticDescriptors.InvalidValue, node!.Location, key, $"'{part}' is not a field of {current.Display}");
                return null;
            }

            steps.Add(new MessageStep(field.PropertyName, IsArray: false, field.ThreeState));
            current = field.Type;
        }

        return new FieldPath(steps.ToEquatableArray(), path, current, !field!.Required || field.Nullable || field.ThreeState);
    }
}
