namespace EndpointGen.Generator.Model;

/// <summary>One descriptor file, resolved and ready to emit: every name is already a valid C# identifier.</summary>
/// <param name="Name">The service name; the client is <c>{Name}Client</c>.</param>
/// <param name="Namespace">The C# namespace of everything emitted: the descriptor's, else the project's default, else the service name.</param>
/// <param name="BaseUrl">The documented base URL template, placeholders included.</param>
/// <param name="BaseUrlPlaceholders">The placeholders of <paramref name="BaseUrl"/>, in order of appearance.</param>
/// <param name="HintName">The emitted file's hint name without <c>.g.cs</c>: namespace and service name.</param>
/// <param name="SourcePath">The descriptor file's path.</param>
/// <param name="Servers">The service's other base URLs (<c>service.servers</c>), in the order written.</param>
/// <param name="Schemes">
/// The service's named credential schemes (<c>service.auth.schemes</c>), in the order written; empty when
/// <c>service.auth</c> is one scheme (<paramref name="Auth"/>) or absent.
/// </param>
internal sealed record ServiceSpec(
    string Name,
    string Namespace,
    string? Description,
    string BaseUrl,
    EquatableArray<PlaceholderSpec> BaseUrlPlaceholders,
    AuthSpec? Auth,
    EquatableArray<HeaderSpec> DefaultHeaders,
    ErrorSpec? Error,
    EquatableArray<EndpointSpec> Endpoints,
    EquatableArray<TypeSpec> Types,
    string HintName,
    string SourcePath,
    EquatableArray<ServerSpec> Servers = default,
    EquatableArray<SchemeSpec> Schemes = default);

/// <summary>A placeholder of the base URL, such as <c>{system}</c>.</summary>
/// <param name="Name">The placeholder as written, without braces.</param>
/// <param name="ArgumentName">The camelCase C# argument of <c>CreateBaseAddress</c>, escaped with <c>@</c> where it is a keyword.</param>
internal sealed record PlaceholderSpec(string Name, string ArgumentName);

/// <summary>The authentication schemes a descriptor can name.</summary>
internal enum AuthScheme
{
    Basic,
    Bearer,
    ApiKey,
}

/// <summary>How the client authenticates.</summary>
/// <param name="HeaderName">The header carrying the key, for <see cref="AuthScheme.ApiKey"/>.</param>
internal sealed record AuthSpec(AuthScheme Scheme, string? HeaderName, string? Description);

/// <summary>One of the service's named credential schemes (<c>service.auth.schemes</c>).</summary>
/// <param name="Name">The scheme's name as written.</param>
/// <param name="PropertyPrefix">Its C# name, which starts its options' names: <c>{PropertyPrefix}Token</c>, <c>{PropertyPrefix}ApiKeyProvider</c>, ...</param>
/// <param name="Auth">How it authenticates.</param>
internal sealed record SchemeSpec(string Name, string PropertyPrefix, AuthSpec Auth);

/// <summary>A header sent on every request.</summary>
internal sealed record HeaderSpec(string Name, string Value);

/// <summary>The vendor's error body and where its human-readable message is.</summary>
/// <param name="TypeName">The C# name of the error object type.</param>
/// <param name="MessagePath">The fields to walk from the error body to the message; empty when none is named.</param>
internal sealed record ErrorSpec(string TypeName, EquatableArray<MessageStep> MessagePath)
{
    /// <summary>When a 2xx body is this error after all (<c>error.inSuccess</c>); <see langword="null"/> when never.</summary>
    public ErrorInSuccessSpec? InSuccess { get; init; }
}

/// <summary>One step of an error message path.</summary>
/// <param name="PropertyName">The C# property to read.</param>
/// <param name="IsArray">Whether the property is an array, so every element is visited.</param>
/// <param name="IsThreeState">Whether the property is an <c>Optional&lt;T?&gt;</c>, read through its value.</param>
internal sealed record MessageStep(string PropertyName, bool IsArray, bool IsThreeState = false);
