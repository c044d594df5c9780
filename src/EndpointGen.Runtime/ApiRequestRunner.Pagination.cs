using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;

namespace EndpointGen.Runtime;

/// <content>
/// Paged endpoints (<c>pagination</c>): the <c>...AllAsync</c> methods hand the runner the request builder with the
/// page override, the page reader and where the items and the next page are in a page; the runner returns the
/// <see cref="ApiPageable{TItem, TPage}"/> that fetches them. Each page is sent as <c>...WithResponseAsync</c> sends
/// its one request.
/// </content>
public sealed partial class ApiRequestRunner<TError>
{
    /// <summary>The pages of an endpoint paged by a page number. The first page's request is built now, so its arguments are checked now.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <typeparam name="TPage">The response type.</typeparam>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="createRequest">Builds the request of a page number.</param>
    /// <param name="first">The first page number.</param>
    /// <param name="typeName">The response type as the descriptor spells it, for messages.</param>
    /// <param name="read">The generated reader of a page.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="total">The total item count a page gives, or <see langword="null"/> when the descriptor names none.</param>
    /// <param name="lastPage">The last page number a page gives, or <see langword="null"/> when the descriptor names none.</param>
    /// <param name="cancellationToken">Cancels every page's request and the enumeration.</param>
    /// <returns>The pages, fetched as they are enumerated.</returns>
    public ApiPageable<TItem, TPage> PageByNumber<TItem, TPage>(
        string operation,
        Func<int, HttpRequestMessage> createRequest,
        int first,
        string typeName,
        JsonReadFunc<TPage> read,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, long?>? total,
        Func<TPage, long?>? lastPage,
        CancellationToken cancellationToken) =>
        new(ApiPageFetcher<TItem, TPage>.ByNumber(_service, operation, PageSender<TPage>(operation, typeName), read, items, createRequest, first, total, lastPage), cancellationToken);

    /// <summary>The pages of an endpoint paged by a cursor the answer gives. The first page's request is built now.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <typeparam name="TPage">The response type.</typeparam>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="createRequest">Builds the request of a cursor (<see langword="null"/>: the parameters' own).</param>
    /// <param name="first">The cursor of the first page: the one the parameters set, if any.</param>
    /// <param name="typeName">The response type as the descriptor spells it, for messages.</param>
    /// <param name="read">The generated reader of a page.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="next">The next cursor a page gives; absent, <see langword="null"/> or empty on the last page.</param>
    /// <param name="cancellationToken">Cancels every page's request and the enumeration.</param>
    /// <returns>The pages, fetched as they are enumerated.</returns>
    public ApiPageable<TItem, TPage> PageByCursor<TItem, TPage>(
        string operation,
        Func<string?, HttpRequestMessage> createRequest,
        string? first,
        string typeName,
        JsonReadFunc<TPage> read,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, string?> next,
        CancellationToken cancellationToken) =>
        new(ApiPageFetcher<TItem, TPage>.ByCursor(_service, operation, PageSender<TPage>(operation, typeName), read, items, createRequest, first, next), cancellationToken);

    /// <summary>The pages of an endpoint whose answer gives the next page's URL. The first page's request is built now.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <typeparam name="TPage">The response type.</typeparam>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="createRequest">Builds the request of the first page (<see langword="null"/>) or of a URL the server gave, under the rules of a given URL.</param>
    /// <param name="typeName">The response type as the descriptor spells it, for messages.</param>
    /// <param name="read">The generated reader of a page.</param>
    /// <param name="items">The items of a page.</param>
    /// <param name="next">The next page's URL a page gives; absent, <see langword="null"/> or empty on the last page.</param>
    /// <param name="cancellationToken">Cancels every page's request and the enumeration.</param>
    /// <returns>The pages, fetched as they are enumerated.</returns>
    public ApiPageable<TItem, TPage> PageByNextUrl<TItem, TPage>(
        string operation,
        Func<Uri?, HttpRequestMessage> createRequest,
        string typeName,
        JsonReadFunc<TPage> read,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, string?> next,
        CancellationToken cancellationToken) =>
        new(ApiPageFetcher<TItem, TPage>.ByNextUrl(_service, operation, PageSender<TPage>(operation, typeName), read, items, createRequest, next), cancellationToken);

    /// <summary>Sends one page's request as <c>...WithResponseAsync</c> does, with the reader the fetcher gives (it may look at the page first).</summary>
    private Func<HttpRequestMessage, JsonReadFunc<TPage>, CancellationToken, System.Threading.Tasks.Task<ApiResponse<TPage>>> PageSender<TPage>(string operation, string typeName) =>
        (request, read, cancellationToken) => SendWithResponseAsync(operation, request, typeName, read, cancellationToken);
}
