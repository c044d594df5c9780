namespace EndpointGen.Generator.Model;

/// <summary>Another base URL of the service (<c>service.servers</c>), such as a media or upload host.</summary>
/// <param name="Name">The server's name as written.</param>
/// <param name="PropertyPrefix">Its C# name: the options have <c>{PropertyPrefix}BaseAddress</c>, <c>{PropertyPrefix}BaseUrlTemplate</c> and, with placeholders, <c>Create{PropertyPrefix}BaseAddress</c>.</param>
/// <param name="Url">The documented URL template, placeholders included.</param>
/// <param name="Placeholders">The placeholders of <paramref name="Url"/>, in order of appearance.</param>
internal sealed record ServerSpec(string Name, string PropertyPrefix, string Url, EquatableArray<PlaceholderSpec> Placeholders);

/// <summary>Where an endpoint's requests go and whether they carry the service's credential.</summary>
/// <param name="Server">The position of its server under <c>service.servers</c>, or -1 for <c>baseUrl</c>.</param>
/// <param name="GivenUrl">Whether the caller passes the absolute URL (<c>url: given</c>) instead of the path being appended to a base address.</param>
/// <param name="NoAuth">Whether the endpoint sends no credential (<c>auth: none</c>, or a <c>default: none</c> it keeps).</param>
/// <param name="Scheme">
/// The position of its credential scheme under <c>service.auth.schemes</c> (named, or the default), or -1 when the
/// service's <c>auth</c> is one scheme or absent.
/// </param>
internal sealed record TargetSpec(int Server, bool GivenUrl, bool NoAuth, int Scheme = -1)
{
    /// <summary>The base URL, with the service's credential: every endpoint that says nothing else.</summary>
    public static TargetSpec Default { get; } = new(-1, false, false);
}
