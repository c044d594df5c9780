using System.Threading.Tasks;
using Xunit;
using static EndpointGen.Tests.Infrastructure.EndpointGenTest;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The diagnostics of an endpoint's <c>pagination</c>, in <see cref="DiagnosticTests"/>' style: each misuse with its ID
/// and exact span, nothing else reported, nothing generated.
/// </summary>
public sealed class PaginationDiagnosticTests
{
    private const string Paged = "{ style: page, parameter: page, items: orders, total: meta.count }";

    // A valid descriptor with a paged endpoint; the cases below change it in one place.
    private const string Valid = """
        service:
          name: Shop
          namespace: Demo.Shop
          baseUrl: https://api.example.com/v1
        endpoints:
          ListOrders:
            method: GET
            path: orders
            parameters:
              query:
                page: int32
                cursor: string
                size: number
                before: int64
            response: OrderPage
            pagination: { style: page, parameter: page, items: orders, total: meta.count }
        types:
          OrderPage:
            fields:
              orders: Order[]
              meta: Meta
              title: string
              tags: map<string>
              pages: Meta[]
              codes: string[]
          Meta:
            fields:
              count: int32
              ratio: number
              next: string
              id: uuid
              last: int64
          Order:
            fields:
              id: int64
              meta: Meta
        """;

    private static string With(string pagination) => Valid.Replace(Paged, pagination);

    [Theory]
    [InlineData(Paged)]
    [InlineData("{ style: page, parameter: page, items: orders }")]
    [InlineData("{ style: page, parameter: page, start: 0, items: orders, lastPage: meta.last }")]
    [InlineData("{ style: cursor, parameter: cursor, items: orders, next: meta.next }")]
    [InlineData("{ style: cursor, parameter: cursor, items: orders, next: meta.id }")]
    [InlineData("{ style: nextUrl, items: orders, next: meta.next }")]
    [InlineData("{ style: cursor, parameter: before, items: orders, next: \"@first.id\" }")]
    [InlineData("{ style: cursor, parameter: before, items: orders, next: \"@last.id\" }")]
    [InlineData("{ style: cursor, parameter: cursor, items: orders, next: \"@last.meta.next\" }")]
    [InlineData("{ style: cursor, parameter: cursor, items: pages, next: \"@first.id\" }")]
    public Task Each_style_written_as_the_spec_says_is_valid(string pagination)
    {
        var test = Descriptor(With(pagination));
        test.ExpectedHintNames = new[] { "Demo.Shop.Shop.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG003_an_unknown_key_in_pagination() =>
        VerifyAsync(
            With("{ style: page, parameter: page, items: orders, {|#0:size|}: 15 }"),
            Error("EPG003", 0).WithArguments("size", "pagination", "style, items, parameter, start, total, lastPage, next"));

    [Fact]
    public Task EPG004_pagination_without_items() =>
        VerifyAsync(With("{|#0:|}{ style: page, parameter: page }"), Error("EPG004", 0).WithArguments("items", "pagination"));

    [Fact]
    public Task EPG004_pagination_without_a_style() =>
        VerifyAsync(With("{|#0:|}{ parameter: page, items: orders }"), Error("EPG004", 0).WithArguments("style", "pagination"));

    [Fact]
    public Task EPG004_the_page_style_without_its_parameter() =>
        VerifyAsync(With("{|#0:|}{ style: page, items: orders }"), Error("EPG004", 0).WithArguments("parameter", "pagination with style page"));

    [Fact]
    public Task EPG004_the_cursor_style_without_next() =>
        VerifyAsync(With("{|#0:|}{ style: cursor, parameter: cursor, items: orders }"), Error("EPG004", 0).WithArguments("next", "pagination with style cursor"));

    [Fact]
    public Task EPG004_the_nextUrl_style_without_next() =>
        VerifyAsync(With("{|#0:|}{ style: nextUrl, items: orders }"), Error("EPG004", 0).WithArguments("next", "pagination with style nextUrl"));

    [Fact]
    public Task EPG005_pagination_is_not_a_mapping() =>
        VerifyAsync(With("{|#0:page|}"), Error("EPG005", 0).WithArguments("pagination", "expected a mapping, found a scalar"));

    [Fact]
    public Task EPG005_an_unknown_style() =>
        VerifyAsync(
            With("{ style: {|#0:offset|}, parameter: page, items: orders }"),
            Error("EPG005", 0).WithArguments("style", "'offset' is not one of page, cursor, nextUrl"));

    [Fact]
    public Task EPG005_a_parameter_that_is_not_a_declared_query_parameter() =>
        VerifyAsync(
            With("{ style: page, parameter: {|#0:p|}, items: orders }"),
            Error("EPG005", 0).WithArguments("parameter", "'p' is not a query parameter of the endpoint (the endpoint declares page, cursor, size, before); declare it under parameters.query"));

    [Fact]
    public Task EPG015_a_page_number_parameter_that_is_not_an_integer() =>
        VerifyAsync(
            With("{ style: page, parameter: {|#0:size|}, items: orders }"),
            Error("EPG015", 0).WithArguments("number", "as the page number parameter; it must be int32 or int64 ('size')"));

    [Fact]
    public Task EPG015_a_cursor_parameter_that_is_not_a_string() =>
        VerifyAsync(
            With("{ style: cursor, parameter: {|#0:page|}, items: orders, next: meta.next }"),
            Error("EPG015", 0).WithArguments("int32", "as the cursor parameter; it must be string ('page')"));

    [Theory]
    [InlineData("@first")]
    [InlineData("@last.")]
    public Task EPG005_an_item_cursor_without_a_field(string next) =>
        VerifyAsync(
            With("{ style: cursor, parameter: before, items: orders, next: {|#0:\"" + next + "\"|} }"),
            Error("EPG005", 0).WithArguments("next", $"'{next}' names no field; write {next.TrimEnd('.')}.<field>, e.g. {next.TrimEnd('.')}.id"));

    [Fact]
    public Task EPG005_an_item_cursor_field_that_is_not_in_the_item_type() =>
        VerifyAsync(
            With("{ style: cursor, parameter: before, items: orders, next: {|#0:\"@first.code\"|} }"),
            Error("EPG005", 0).WithArguments("next", "'code' is not a field of Order"));

    [Fact]
    public Task EPG015_an_item_cursor_over_items_that_are_not_objects() =>
        VerifyAsync(
            With("{ style: cursor, parameter: cursor, items: codes, next: {|#0:\"@first.id\"|} }"),
            Error("EPG015", 0).WithArguments("string", "as the item type of '@first.id'; the next cursor comes from an item's field, so the items must be of an object type"));

    [Theory]
    [InlineData("before", "@first.meta.next", "string", "int64", "a field of the same type")]
    [InlineData("before", "@last.meta.count", "int32", "int64", "a field of the same type")]
    [InlineData("cursor", "@first.id", "int64", "string", "a string or uuid field")]
    public Task EPG015_an_item_cursor_whose_type_is_not_the_parameters(string parameter, string next, string type, string parameterType, string want) =>
        VerifyAsync(
            With("{ style: cursor, parameter: " + parameter + ", items: orders, next: {|#0:\"" + next + "\"|} }"),
            Error("EPG015", 0).WithArguments(type, $"as the next cursor ('{next}'); the cursor parameter '{parameter}' is {parameterType}, so it must be {want}"));

    [Fact]
    public Task EPG015_an_integer_cursor_parameter_with_a_cursor_from_the_response() =>
        VerifyAsync(
            With("{ style: cursor, parameter: {|#0:before|}, items: orders, next: meta.next }"),
            Error("EPG015", 0).WithArguments("int64", "as the cursor parameter; it must be string ('before')"));

    [Fact]
    public Task EPG005_an_item_cursor_with_the_nextUrl_style() =>
        VerifyAsync(
            With("{ style: nextUrl, items: orders, next: {|#0:\"@last.meta.next\"|} }"),
            Error("EPG005", 0).WithArguments("next", "'@last.meta.next' names an item's field; only the cursor style takes the next cursor from an item (nextUrl reads a URL from the response)"));

    [Fact]
    public Task EPG005_an_items_path_step_that_is_not_a_field() =>
        VerifyAsync(
            With("{ style: page, parameter: page, items: {|#0:meta.orders|} }"),
            Error("EPG005", 0).WithArguments("items", "'orders' is not a field of Meta"));

    [Fact]
    public Task EPG015_an_items_path_that_does_not_end_at_an_array() =>
        VerifyAsync(
            With("{ style: page, parameter: page, items: {|#0:title|} }"),
            Error("EPG015", 0).WithArguments("string", "as the items of a page ('title'); the items path must end at an array field"));

    [Fact]
    public Task EPG015_an_items_path_that_goes_into_an_array() =>
        VerifyAsync(
            With("{ style: page, parameter: page, items: {|#0:pages.count|} }"),
            Error("EPG015", 0).WithArguments("Meta[]", "in the items path before 'count': the path goes through object fields only, never into an array or map"));

    [Fact]
    public Task EPG015_an_items_path_that_goes_into_a_map() =>
        VerifyAsync(
            With("{ style: page, parameter: page, items: {|#0:tags.a|} }"),
            Error("EPG015", 0).WithArguments("map<string>", "in the items path before 'a': the path goes through object fields only, never into an array or map"));

    [Fact]
    public Task EPG015_a_next_cursor_that_is_not_a_string_or_uuid() =>
        VerifyAsync(
            With("{ style: cursor, parameter: cursor, items: orders, next: {|#0:meta.count|} }"),
            Error("EPG015", 0).WithArguments("int32", "as the next cursor; it must be a string or uuid field ('meta.count')"));

    [Fact]
    public Task EPG015_a_next_url_that_is_not_a_string() =>
        VerifyAsync(
            With("{ style: nextUrl, items: orders, next: {|#0:meta.id|} }"),
            Error("EPG015", 0).WithArguments("uuid", "as the next page's URL; it must be a string field ('meta.id')"));

    [Fact]
    public Task EPG005_a_next_path_step_that_is_not_a_field() =>
        VerifyAsync(
            With("{ style: nextUrl, items: orders, next: {|#0:links.next|} }"),
            Error("EPG005", 0).WithArguments("next", "'links' is not a field of OrderPage"));

    [Fact]
    public Task EPG015_a_total_that_is_not_an_integer() =>
        VerifyAsync(
            With("{ style: page, parameter: page, items: orders, total: {|#0:meta.ratio|} }"),
            Error("EPG015", 0).WithArguments("number", "as the total item count ('meta.ratio'); it must be an int32 or int64 field"));

    [Fact]
    public Task EPG015_a_last_page_that_is_not_an_integer() =>
        VerifyAsync(
            With("{ style: page, parameter: page, items: orders, lastPage: {|#0:meta.next|} }"),
            Error("EPG015", 0).WithArguments("string", "as the last page number ('meta.next'); it must be an int32 or int64 field"));

    [Fact]
    public Task EPG005_total_and_lastPage_together() =>
        VerifyAsync(
            With("{ style: page, parameter: page, items: orders, total: meta.count, lastPage: {|#0:meta.last|} }"),
            Error("EPG005", 0).WithArguments("lastPage", "write one of 'total' and 'lastPage': each tells the end of the pages"));

    [Theory]
    [InlineData("start", "0")]
    [InlineData("total", "meta.count")]
    [InlineData("lastPage", "meta.last")]
    public Task EPG005_a_page_style_key_with_the_cursor_style(string key, string value) =>
        VerifyAsync(
            With("{ style: cursor, parameter: cursor, items: orders, next: meta.next, " + key + ": {|#0:" + value + "|} }"),
            Error("EPG005", 0).WithArguments(key, $"only the page style takes '{key}'; style cursor ends where the answer gives no next cursor"));

    [Fact]
    public Task EPG005_start_with_the_nextUrl_style() =>
        VerifyAsync(
            With("{ style: nextUrl, items: orders, next: meta.next, start: {|#0:1|} }"),
            Error("EPG005", 0).WithArguments("start", "only the page style takes 'start'; style nextUrl ends where the answer gives no next URL"));

    [Theory]
    [InlineData("first")]
    [InlineData("1.5")]
    [InlineData("'1'")]
    [InlineData("3000000000")]
    public Task EPG005_a_start_that_is_not_an_int32(string start) =>
        VerifyAsync(
            With("{ style: page, parameter: page, items: orders, start: {|#0:" + start + "|} }"),
            Error("EPG005", 0).WithArguments("start", $"'{start.Trim('\'')}' is not a page number (an int32 such as 0 or 1)"));

    [Fact]
    public Task EPG005_next_with_the_page_style() =>
        VerifyAsync(
            With("{ style: page, parameter: page, items: orders, next: {|#0:meta.next|} }"),
            Error("EPG005", 0).WithArguments("next", "the page style counts page numbers; 'next' goes with cursor and nextUrl"));

    [Fact]
    public Task EPG005_a_parameter_with_the_nextUrl_style() =>
        VerifyAsync(
            With("{ style: nextUrl, parameter: {|#0:page|}, items: orders, next: meta.next }"),
            Error("EPG005", 0).WithArguments("parameter", "the nextUrl style follows the URL the answer gives and sets no query parameter; 'parameter' goes with page and cursor"));

    [Fact]
    public Task EPG005_pagination_on_an_endpoint_without_a_response_type() =>
        VerifyAsync(
            With("{|#0:|}" + Paged).Replace("    response: OrderPage\n", string.Empty),
            Error("EPG005", 0).WithArguments("pagination", "the endpoint has no response type; a paged endpoint's response is an object type holding the items"));

    [Fact]
    public Task EPG005_pagination_on_an_event_stream() =>
        VerifyAsync(
            With("{|#0:|}" + Paged).Replace("    response: OrderPage\n", "    response: { type: OrderPage, encoding: events }\n"),
            Error("EPG005", 0).WithArguments("pagination", "the response is an event stream (encoding: events), which is read event by event, not page by page; a paged endpoint's response is an object type holding the items"));

    [Theory]
    [InlineData("Order[]")]
    [InlineData("text")]
    [InlineData("map<Order>")]
    public Task EPG015_pagination_on_an_endpoint_whose_response_is_not_an_object(string response) =>
        VerifyAsync(
            With("{|#0:|}" + Paged).Replace("response: OrderPage", "response: \"" + response + "\""),
            Error("EPG015", 0).WithArguments(response, "as the response of a paged endpoint; it must be an object type, whose fields hold the items and what tells the next page"));

    [Theory]
    [InlineData("page", "{ style: {|#0:page|}, parameter: page, items: orders }")]
    [InlineData("cursor", "{ style: {|#0:cursor|}, parameter: cursor, items: orders, next: meta.next }")]
    public Task EPG005_a_given_url_endpoint_paged_by_a_query_parameter(string style, string pagination) =>
        VerifyAsync(
            With(pagination).Replace("    path: orders\n", "    url: given\n"),
            Error("EPG005", 0).WithArguments("style", $"an endpoint with 'url: given' pages only by nextUrl: its {style} parameter would be added to a URL whose query the server wrote"));

    [Fact]
    public Task A_given_url_endpoint_may_page_by_next_url()
    {
        var test = Descriptor(With("{ style: nextUrl, items: orders, next: meta.next }").Replace("    path: orders\n", "    url: given\n"));
        test.ExpectedHintNames = new[] { "Demo.Shop.Shop.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG012_a_paged_endpoint_whose_AllAsync_is_another_endpoints_method() =>
        VerifyAsync(
            Valid.Replace("  {|#0:ListOrders|}:", "  ListOrders:").Replace("endpoints:\n  ListOrders:", "endpoints:\n  {|#0:ListOrders|}:")
                .Replace("types:\n", "  ListOrdersAll:\n    method: GET\n    path: orders/all\ntypes:\n"),
            Error("EPG012", 0).WithArguments("endpoint", "ListOrders", "ListOrdersAllAsync", "the endpoint 'ListOrdersAll' has too (a paged endpoint also has an ...AllAsync method)"));

    [Theory]
    [InlineData("page")]
    [InlineData("cursor")]
    [InlineData("next_url")]
    [InlineData("own")]
    public Task EPG012_a_path_parameter_named_like_the_page_argument_of_a_paged_endpoint(string name) =>
        VerifyAsync(
            Valid.Replace("    path: orders\n    parameters:\n", "    path: orders/{" + name + "}\n    parameters:\n      path:\n        {|#0:" + name + "|}: string\n"),
            Error("EPG012", 0).WithArguments("path parameter", name, name == "next_url" ? "nextUrl" : name, "is an argument or local of the request a paged endpoint builds for each page"));
}
