using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <summary>How a paged endpoint names its next page (the descriptor's <c>pagination.style</c>).</summary>
internal enum PagingStyle
{
    /// <summary>A page number in a query parameter, from a start; the end is an empty page, a total count or a last page number.</summary>
    Page,

    /// <summary>A cursor from the answer in a query parameter; the end is an absent, null or empty cursor.</summary>
    Cursor,

    /// <summary>The next page's URL from the answer; the end is an absent, null or empty URL.</summary>
    NextUrl,
}

/// <summary>
/// Fetches the pages of one <c>...AllAsync</c> call: builds each page's request through the generated request
/// builder, sends it through the runner, and decides from the answer whether there is a next page, refusing the loops
/// a server could lead it into.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
/// <typeparam name="TPage">The response type.</typeparam>
internal sealed class ApiPageFetcher<TItem, TPage>
{
    private readonly string _service;
    private readonly string _operation;
    private readonly PagingStyle _style;
    private readonly Func<HttpRequestMessage, JsonReadFunc<TPage>, CancellationToken, Task<ApiResponse<TPage>>> _send;
    private readonly JsonReadFunc<TPage> _read;
    private readonly Func<TPage, IReadOnlyList<TItem>?> _items;
    private readonly Func<int, HttpRequestMessage>? _pageRequest;
    private readonly Func<string?, HttpRequestMessage>? _cursorRequest;
    private readonly Func<Uri?, HttpRequestMessage>? _urlRequest;
    private readonly int _firstPage;
    private readonly string? _firstCursor;
    private readonly Func<TPage, long?>? _total;
    private readonly Func<TPage, long?>? _lastPage;
    private readonly Func<TPage, string?>? _next;

    // The first page's request, built when the call is made so that its arguments are checked then; the first
    // enumeration takes it, any later one builds its own.
    private HttpRequestMessage? _firstRequest;

    private ApiPageFetcher(
        string service,
        string operation,
        PagingStyle style,
        Func<HttpRequestMessage, JsonReadFunc<TPage>, CancellationToken, Task<ApiResponse<TPage>>> send,
        JsonReadFunc<TPage> read,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<int, HttpRequestMessage>? pageRequest = null,
        int firstPage = 0,
        Func<TPage, long?>? total = null,
        Func<TPage, long?>? lastPage = null,
        Func<string?, HttpRequestMessage>? cursorRequest = null,
        string? firstCursor = null,
        Func<Uri?, HttpRequestMessage>? urlRequest = null,
        Func<TPage, string?>? next = null)
    {
        _service = service;
        _operation = operation;
        _style = style;
        _send = send;
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _items = items ?? throw new ArgumentNullException(nameof(items));
        _pageRequest = pageRequest;
        _firstPage = firstPage;
        _total = total;
        _lastPage = lastPage;
        _cursorRequest = cursorRequest;
        _firstCursor = string.IsNullOrEmpty(firstCursor) ? null : firstCursor;
        _urlRequest = urlRequest;
        _next = next;
        _firstRequest = FirstRequest();
    }

    /// <summary>The fetcher of a page-number endpoint; builds the first page's request now.</summary>
    internal static ApiPageFetcher<TItem, TPage> ByNumber(
        string service, string operation, Func<HttpRequestMessage, JsonReadFunc<TPage>, CancellationToken, Task<ApiResponse<TPage>>> send, JsonReadFunc<TPage> read,
        Func<TPage, IReadOnlyList<TItem>?> items, Func<int, HttpRequestMessage> request, int first, Func<TPage, long?>? total, Func<TPage, long?>? lastPage) =>
        new(service, operation, PagingStyle.Page, send, read, items, pageRequest: request ?? throw new ArgumentNullException(nameof(request)), firstPage: first, total: total, lastPage: lastPage);

    /// <summary>The fetcher of a cursor endpoint; builds the first page's request now.</summary>
    internal static ApiPageFetcher<TItem, TPage> ByCursor(
        string service, string operation, Func<HttpRequestMessage, JsonReadFunc<TPage>, CancellationToken, Task<ApiResponse<TPage>>> send, JsonReadFunc<TPage> read,
        Func<TPage, IReadOnlyList<TItem>?> items, Func<string?, HttpRequestMessage> request, string? first, Func<TPage, string?> next) =>
        new(service, operation, PagingStyle.Cursor, send, read, items, cursorRequest: request ?? throw new ArgumentNullException(nameof(request)), firstCursor: first,
            next: next ?? throw new ArgumentNullException(nameof(next)));

    /// <summary>The fetcher of a next-URL endpoint; builds the first page's request now.</summary>
    internal static ApiPageFetcher<TItem, TPage> ByNextUrl(
        string service, string operation, Func<HttpRequestMessage, JsonReadFunc<TPage>, CancellationToken, Task<ApiResponse<TPage>>> send, JsonReadFunc<TPage> read,
        Func<TPage, IReadOnlyList<TItem>?> items, Func<Uri?, HttpRequestMessage> request, Func<TPage, string?> next) =>
        new(service, operation, PagingStyle.NextUrl, send, read, items, urlRequest: request ?? throw new ArgumentNullException(nameof(request)),
            next: next ?? throw new ArgumentNullException(nameof(next)));

    /// <summary>The pages of one enumeration, from the first to the end the answers give.</summary>
    internal async IAsyncEnumerable<ApiPage<TItem, TPage>> FetchAsync(int maxPages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = _firstPage;
        var cursor = _firstCursor;
        Uri? nextUrl = null;
        var seen = _style == PagingStyle.Page ? null : new HashSet<string>(StringComparer.Ordinal);
        if (cursor is not null)
        {
            seen!.Add(cursor);
        }

        // A page number the server ignores gives the same page again and again: each answer is compared with the one before.
        var fingerprint = _style == PagingStyle.Page ? new Fingerprint(_read) : null;
        long itemsSeen = 0;
        for (var fetched = 0; ; fetched++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (fetched == maxPages)
            {
                throw Loop($"fetched {maxPages} pages (MaxPages) without reaching the last one");
            }

            var request = fetched == 0 ? Interlocked.Exchange(ref _firstRequest, null) ?? FirstRequest() : NextRequest(page, cursor, nextUrl!, fetched);
            var url = request.RequestUri!;
            if (_style == PagingStyle.NextUrl && !seen!.Add(url.AbsoluteUri))
            {
                request.Dispose();
                throw Loop($"page {fetched} gave the URL of an earlier page ({Redirects.Origin(url)}{url.AbsolutePath}) as the next one");
            }

            var response = await _send(request, fingerprint?.Read ?? _read, cancellationToken).ConfigureAwait(false);
            if (fingerprint is { Repeated: true })
            {
                throw Loop($"page {page.ToString(System.Globalization.CultureInfo.InvariantCulture)} came back exactly as the page before it: the server seems to ignore the page number");
            }

            var items = _items(response.Body) ?? Array.Empty<TItem>();
            yield return new ApiPage<TItem, TPage>(response, items, url, _style == PagingStyle.Page ? page : null, _style == PagingStyle.Cursor ? cursor : null);
            cancellationToken.ThrowIfCancellationRequested();

            switch (_style)
            {
                case PagingStyle.Page:
                    itemsSeen += items.Count;
                    if (items.Count == 0 || (_total?.Invoke(response.Body) is { } total && itemsSeen >= total)
                        || (_lastPage?.Invoke(response.Body) is { } last && page >= last) || page == int.MaxValue)
                    {
                        yield break;
                    }

                    page++;
                    break;
                case PagingStyle.Cursor:
                    var next = _next!(response.Body);
                    if (string.IsNullOrEmpty(next))
                    {
                        yield break;
                    }

                    if (!seen!.Add(next!))
                    {
                        throw Loop($"page {fetched + 1} gave the cursor of an earlier page as the next one");
                    }

                    cursor = next;
                    break;
                default:
                    var text = _next!(response.Body);
                    if (string.IsNullOrEmpty(text))
                    {
                        yield break;
                    }

                    // A relative link is taken relative to the page that gave it, as a browser would.
                    if (!Uri.TryCreate(url, text, out nextUrl))
                    {
                        throw new InvalidOperationException(_service + " " + _operation + ": page " + (fetched + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                            + " gave a next page URL that is not a URL, so paging stopped.");
                    }

                    break;
            }
        }
    }

    private HttpRequestMessage FirstRequest() => _style switch
    {
        PagingStyle.Page => _pageRequest!(_firstPage),
        PagingStyle.Cursor => _cursorRequest!(_firstCursor),
        _ => _urlRequest!(null),
    };

    /// <summary>The request of a page after the first. A next URL the client refuses (not https, user-info) stops the paging.</summary>
    private HttpRequestMessage NextRequest(int page, string? cursor, Uri nextUrl, int fetched)
    {
        switch (_style)
        {
            case PagingStyle.Page:
                return _pageRequest!(page);
            case PagingStyle.Cursor:
                return _cursorRequest!(cursor);
            default:
                try
                {
                    return _urlRequest!(nextUrl);
                }
                catch (ArgumentException ex)
                {
                    throw new InvalidOperationException(
                        _service + " " + _operation + ": page " + fetched.ToString(System.Globalization.CultureInfo.InvariantCulture) + " gave a next page URL that cannot be followed: " + ex.Message,
                        ex);
                }
        }
    }

    private InvalidOperationException Loop(string what) =>
        new(_service + " " + _operation + ": " + what + ", so paging stopped: it would not end.");

    /// <summary>
    /// Reads each page through the generated reader, and first takes a digest of its JSON tokens, to tell a page that
    /// comes back exactly as the one before it.
    /// </summary>
    private sealed class Fingerprint
    {
        private readonly JsonReadFunc<TPage> _read;
        private ulong _previous;
        private bool _hasPrevious;

        public Fingerprint(JsonReadFunc<TPage> read)
        {
            _read = read;
            Read = ReadPage;
        }

        /// <summary>The reader to give the runner.</summary>
        public JsonReadFunc<TPage> Read { get; }

        /// <summary>Whether the last page read was, token for token, the one before it.</summary>
        public bool Repeated { get; private set; }

        private TPage ReadPage(ref Utf8JsonReader reader)
        {
            var copy = reader;
            var digest = Digest(ref copy);
            Repeated = _hasPrevious && digest == _previous;
            (_previous, _hasPrevious) = (digest, true);
            return _read(ref reader);
        }

        // FNV-1a over each token's type and raw bytes, from the current token to the end.
        private static ulong Digest(ref Utf8JsonReader reader)
        {
            var hash = 14695981039346656037UL;
            do
            {
                hash = (hash ^ (byte)reader.TokenType) * 1099511628211UL;
                foreach (var b in reader.ValueSpan)
                {
                    hash = (hash ^ b) * 1099511628211UL;
                }
            }
            while (reader.Read());

            return hash;
        }
    }
}
