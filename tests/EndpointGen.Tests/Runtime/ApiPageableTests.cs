using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using Xunit;

namespace EndpointGen.Tests.Runtime;

/// <summary>What a caller, or a test double of a client interface, sees of an <see cref="ApiPageable{TItem, TPage}"/> made of pages at hand.</summary>
public sealed class ApiPageableTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> s_headers = new(StringComparer.Ordinal) { ["X-Request-Id"] = new[] { "r-1" } };

    private static ApiPageable<string, string[]> Pageable() => new(new[]
    {
        new ApiPage<string, string[]>(HttpStatusCode.OK, new[] { "a", "b" }, new[] { "a", "b" }, s_headers, new Uri("https://api.example.com/tags?page=1"), pageNumber: 1),
        new ApiPage<string, string[]>(HttpStatusCode.OK, Array.Empty<string>(), Array.Empty<string>(), pageNumber: 2),
        new ApiPage<string, string[]>(HttpStatusCode.PartialContent, new[] { "c" }, new[] { "c" }, cursor: "c3"),
    });

    [Fact]
    public async Task A_test_doubles_pages_give_their_items_in_order_and_each_page_what_it_was_given()
    {
        var pageable = Pageable();

        var items = await pageable.ToListAsync();
        var pages = await pageable.AsPages().ToListAsync();

        Assert.Equal(new[] { "a", "b", "c" }, items);
        Assert.Equal(new int?[] { 1, 2, null }, pages.Select(p => p.PageNumber));
        Assert.Equal(new[] { null, null, "c3" }, pages.Select(p => p.Cursor));
        Assert.Equal("https://api.example.com/tags?page=1", pages[0].Url!.AbsoluteUri);
        Assert.Null(pages[1].Url);
        Assert.Equal("r-1", pages[0].GetHeader("x-request-id"));
        Assert.Empty(pages[1].Headers);
        Assert.Equal(HttpStatusCode.PartialContent, pages[2].StatusCode);
        Assert.Equal(new[] { "c" }, pages[2].Body);
        Assert.IsAssignableFrom<ApiResponse<string[]>>(pages[0]);
        Assert.Equal(ApiPageable<string, string[]>.DefaultMaxPages, pageable.MaxPages);
    }

    [Fact]
    public async Task Cancelling_the_enumeration_stops_before_the_next_item()
    {
        using var cancel = new CancellationTokenSource();
        var seen = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Pageable().WithCancellation(cancel.Token))
            {
                seen.Add(item);
                cancel.Cancel();
            }
        });

        Assert.Equal(new[] { "a" }, seen);
    }

    [Fact]
    public void Misuse_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new ApiPageable<string, string[]>(null!));
        Assert.Throws<ArgumentNullException>(() => new ApiPage<string, string[]>(HttpStatusCode.OK, Array.Empty<string>(), null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pageable().MaxPages = 0);
    }
}
