using System;

namespace EndpointGen.Testing;

/// <summary>
/// A request that the descriptor does not allow, or that no answer was set for: thrown by the fake to the code under
/// test (so the call fails there), and kept in <see cref="ServiceFake.Violations"/> (so a test fails even when that code
/// swallows the exception).
/// </summary>
public sealed class FakeRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="service">The service name.</param>
    /// <param name="endpoint">The endpoint the request was taken for, or <see langword="null"/> when it matched none.</param>
    /// <param name="rule">The rule the request broke.</param>
    /// <param name="request">The request.</param>
    public FakeRequestException(string service, string? endpoint, string rule, FakeRequest request)
        : base(service + " " + (endpoint ?? "(no endpoint)") + ": " + rule + " (" + request + ")")
    {
        Service = service;
        Endpoint = endpoint;
        Rule = rule;
        Request = request;
    }

    /// <summary>The service name.</summary>
    public string Service { get; }

    /// <summary>The endpoint the request was taken for, or <see langword="null"/> when its method and path match none.</summary>
    public string? Endpoint { get; }

    /// <summary>What was wrong, such as <c>the required query parameter 'q' is missing</c>.</summary>
    public string Rule { get; }

    /// <summary>The request.</summary>
    public FakeRequest Request { get; }
}
