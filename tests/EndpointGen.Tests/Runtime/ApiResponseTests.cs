using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using EndpointGen.Runtime;
using Xunit;

namespace EndpointGen.Tests.Runtime;

/// <summary>What a <c>...WithResponseAsync</c> caller, or a test double of a client interface, sees of an <see cref="ApiResponse"/>.</summary>
public sealed class ApiResponseTests
{
    [Fact]
    public void A_test_double_s_headers_are_looked_up_ignoring_case_whatever_dictionary_it_was_given()
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["Location"] = new[] { "/things/1" }, ["Vary"] = new[] { "Accept", "Origin" } };

        var response = new ApiResponse<int>(HttpStatusCode.Created, 5, headers);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(5, response.Body);
        Assert.Equal("/things/1", response.GetHeader("LOCATION"));
        Assert.Equal("Accept, Origin", response.GetHeader("vary"));
        Assert.Equal(new[] { "Accept", "Origin" }, response.Headers["VARY"]);
        Assert.Null(response.GetHeader("Etag"));
        Assert.False(response.TryGetHeader(null!, out var none));
        Assert.Null(none);
        Assert.Empty(new ApiResponse(HttpStatusCode.NoContent).Headers);
    }

    [Fact]
    public void The_headers_of_a_received_response_are_copied_and_outlive_it()
    {
        var message = new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        message.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "9");
        message.Headers.TryAddWithoutValidation("Set-Cookie", new[] { "a=1", "b=2" });

        var response = new ApiResponse<string>(message, "body");
        message.Dispose();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("9", response.GetHeader("x-ratelimit-remaining"));
        Assert.Equal("application/json; charset=utf-8", response.GetHeader("Content-Type"));
        Assert.Equal(new[] { "a=1", "b=2" }, response.Headers["set-cookie"]);
        Assert.True(response.TryGetHeader("Content-Type", out var type));
        Assert.StartsWith("application/json", type, StringComparison.Ordinal);
    }
}
