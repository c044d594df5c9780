using System;
using System.Collections.Generic;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <summary>
/// Every item of a paged endpoint, page after page: what a generated client's <c>...AllAsync</c> method returns for an
/// endpoint that declares <c>pagination</c>. Enumerate it with <c>await foreach</c> for the items, or go page by page
/// with <see cref="AsPages"/> (each page's items, body, status and headers, and the page number, cursor or URL that
/// fetched it).
/// </summary>
/// <typeparam name="TItem">The type of an item: the element type of the page's item array.</typeparam>
/// <typeparam name="TPage">The type of a page: the endpoint's response type.</typeparam>
/// <remarks>
/// <para>
/// Pages are fetched one at a time, as the enumeration reaches them: nothing is sent before the first
/// <c>MoveNextAsync</c>, and breaking out of the loop sends nothing more. Each enumeration starts again from the first
/// page. The cancellation token given to the <c>...AllAsync</c> method and the one given to the enumeration
/// (<c>WithCancellation</c>) both cancel it: the request in flight is cancelled with them, and no further page or item
/// comes once either is cancelled.
/// </para>
/// <para>
/// A server that would make the loop go on forever stops it with an <see cref="InvalidOperationException"/> naming the
/// service and the endpoint: a cursor or next-page URL it gave before, a page answered exactly as the previous one
/// (a server that ignores the page number), or more than <see cref="MaxPages"/> pages.
/// </para>
/// </remarks>
public sealed class ApiPageable<TItem, TPage> : IAsyncEnumerable<TItem>
{
    /// <summary>The default of <see cref="MaxPages"/>: 100,000 pages.</summary>
    public const int DefaultMaxPages = 100_000;

    private readonly IEnumerable<ApiPage<TItem, TPage>>? _pages;
    private readonly ApiPageFetcher<TItem, TPage>? _fetcher;
    private readonly CancellationToken _cancellationToken;
    private int _maxPages = DefaultMaxPages;

    /// <summary>Creates a sequence of pages already at hand, for a test double of a generated client interface.</summary>
    /// <param name="pages">The pages, enumerated anew by each enumeration.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> is <see langword="null"/>.</exception>
    public ApiPageable(IEnumerable<ApiPage<TItem, TPage>> pages) => _pages = pages ?? throw new ArgumentNullException(nameof(pages));

    /// <summary>Creates the pages a generated client fetches.</summary>
    internal ApiPageable(ApiPageFetcher<TItem, TPage> fetcher, CancellationToken cancellationToken)
    {
        _fetcher = fetcher;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The most pages one enumeration fetches: one more ends it with an <see cref="InvalidOperationException"/>, the
    /// last guard against a server whose pages never end. Default <see cref="DefaultMaxPages"/>; set it before
    /// enumerating.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxPages
    {
        get => _maxPages;
        set => _maxPages = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxPages must be positive.");
    }

    /// <summary>The pages, one by one, each with its items, body, status and headers.</summary>
    /// <returns>The pages; each enumeration fetches them from the first.</returns>
    public IAsyncEnumerable<ApiPage<TItem, TPage>> AsPages() => PagesAsync();

    /// <summary>Enumerates every item of every page, fetching each page when its first item is reached.</summary>
    /// <param name="cancellationToken">Cancels the enumeration, with the token given to the <c>...AllAsync</c> method.</param>
    /// <returns>The enumerator.</returns>
    public async IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in PagesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }
    }

    private async IAsyncEnumerable<ApiPage<TItem, TPage>> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = cancellationToken.CanBeCanceled && _cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellationToken)
            : null;
        var token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _cancellationToken);
        if (_pages is not null)
        {
            foreach (var page in _pages)
            {
                token.ThrowIfCancellationRequested();
                yield return page;
            }

            yield break;
        }

        await foreach (var page in _fetcher!.FetchAsync(_maxPages, token).ConfigureAwait(false))
        {
            yield return page;
        }
    }
}

/// <summary>
/// One page of a paged endpoint (<see cref="ApiPageable{TItem, TPage}.AsPages"/>): its items, and, as for
/// <c>...WithResponseAsync</c>, the page's body, status and headers; with the page number, cursor or URL that fetched it.
/// </summary>
/// <typeparam name="TItem">The type of an item.</typeparam>
/// <typeparam name="TPage">The type of the page's body: the endpoint's response type.</typeparam>
public sealed class ApiPage<TItem, TPage> : ApiResponse<TPage>
{
    /// <summary>Creates a page, for a test double of a generated client interface.</summary>
    /// <param name="statusCode">The success status.</param>
    /// <param name="body">The page's body.</param>
    /// <param name="items">The page's items.</param>
    /// <param name="headers">The headers by name, looked up ignoring case; <see langword="null"/> for none.</param>
    /// <param name="url">The URL that fetched the page, if any.</param>
    /// <param name="pageNumber">The page number that fetched it (page style).</param>
    /// <param name="cursor">The cursor that fetched it (cursor style; <see langword="null"/> for the first page).</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public ApiPage(
        HttpStatusCode statusCode,
        TPage body,
        IReadOnlyList<TItem> items,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null,
        Uri? url = null,
        int? pageNumber = null,
        string? cursor = null)
        : base(statusCode, body, headers)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        Url = url;
        PageNumber = pageNumber;
        Cursor = cursor;
    }

    /// <summary>A received page: the answer's status, headers and body, and what fetched it.</summary>
    internal ApiPage(ApiResponse<TPage> response, IReadOnlyList<TItem> items, Uri url, int? pageNumber, string? cursor)
        : base(response)
    {
        Items = items;
        Url = url;
        PageNumber = pageNumber;
        Cursor = cursor;
    }

    /// <summary>The page's items, in the order of the answer; empty when the answer has none (or no item array).</summary>
    public IReadOnlyList<TItem> Items { get; }

    /// <summary>The URL the page's request went to (before any redirect).</summary>
    public Uri? Url { get; }

    /// <summary>The page number sent for this page (page style); otherwise <see langword="null"/>.</summary>
    public int? PageNumber { get; }

    /// <summary>The cursor sent for this page (cursor style): <see langword="null"/> for the first page, unless the call set one.</summary>
    public string? Cursor { get; }
}
