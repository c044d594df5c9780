using System;
using System.Linq;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <summary>
/// Emits the service's own types: the options, the typed exception, the client interface and class with one async
/// method per endpoint, and the parameter types of endpoints with query or header parameters. Each method builds its
/// request and makes one call into <c>EndpointGen.Runtime.ApiRequestRunner&lt;TError&gt;</c>, which sends it, checks
/// the status, reads the body and throws.
/// </summary>
internal static partial class ClientEmitter
{
    private const string Runtime = "global::EndpointGen.Runtime";
    private const string Http = "global::System.Net.Http";

    /// <summary>Writes the service's own types into the file, after its namespace declaration.</summary>
    public static void EmitBody(SourceWriter w, ServiceSpec service, EmitOptions options)
    {
        var names = new ServiceNames(service);
        EmitOptionsType(w, service, names, options);
        w.WriteLine();
        EmitException(w, service, names, options);
        w.WriteLine();
        EmitInterface(w, service, names, options);
        w.WriteLine();
        EmitClient(w, service, names, options);
        foreach (var endpoint in service.Endpoints)
        {
            if (endpoint.ParametersTypeName is not null)
            {
                w.WriteLine();
                EmitParametersType(w, service, names, endpoint, options);
            }
        }
    }

    /// <summary>The qualified names of a service's generated types, spelled once.</summary>
    private readonly struct ServiceNames
    {
        public ServiceNames(ServiceSpec service)
        {
            var prefix = "global::" + service.Namespace + ".";
            Client = prefix + service.Name + "Client";
            Interface = prefix + "I" + service.Name + "Client";
            Options = prefix + service.Name + "ClientOptions";
            Exception = prefix + service.Name + "ApiException";
            Error = service.Error is null ? null : prefix + service.Error.TypeName;
        }

        public string Client { get; }

        public string Interface { get; }

        public string Options { get; }

        public string Exception { get; }

        /// <summary>The error body type, or <see langword="null"/> when the descriptor declares none.</summary>
        public string? Error { get; }
    }

    private static void EmitOptionsType(SourceWriter w, ServiceSpec service, ServiceNames names, EmitOptions options)
    {
        var fallback = service.BaseUrlPlaceholders.Count == 0
            ? ", and when that is unset too, <see cref=\"BaseUrlTemplate\"/>."
            : "; build one with <see cref=\"CreateBaseAddress\"/>.";
        w.WriteLine($$"""
            /// <summary>Where <see cref="{{names.Client}}"/> sends requests, and its credentials.</summary>
            /// <remarks>Settable properties, so the options bind from configuration. <see cref="ToString"/> never shows a secret.</remarks>
            {{EmitterHeader.GeneratedCodeAttribute}}
            {{options.Visibility}} sealed partial class {{service.Name}}ClientOptions
            {
                /// <summary>The base URL as the vendor documents it: <c>{{Code.DocText(service.BaseUrl)}}</c>.</summary>
                public const string BaseUrlTemplate = {{Code.Literal(service.BaseUrl)}};

                /// <summary>The absolute base address requests go to; paths are appended to its path. When unset, the HttpClient's BaseAddress is used{{fallback}}</summary>
                public global::System.Uri? BaseAddress { get; set; }

                /// <summary>Allows a plain http base address to a host other than loopback. Off by default: credentials would cross the network in clear.</summary>
                public bool AllowInsecureHttp { get; set; }

                /// <summary>The largest response body accepted, in bytes; a larger one fails the call instead of exhausting memory. Default: 32 MiB.</summary>
                public long MaxResponseBodyBytes { get; set; } = {{Runtime}}.ApiRequest.DefaultMaxResponseBodyBytes;

            """);
        w.Indent();
        switch (service.Auth?.Scheme)
        {
            case AuthScheme.Basic:
                w.WriteLine("""
                    /// <summary>The user name for HTTP Basic authentication.</summary>
                    public string? Username { get; set; }

                    /// <summary>The password for HTTP Basic authentication.</summary>
                    public string? Password { get; set; }

                    """);
                break;
            case AuthScheme.Bearer:
                w.WriteLine("""
                    /// <summary>The bearer token sent in the <c>Authorization</c> header.</summary>
                    public string? Token { get; set; }

                    """);
                break;
            case AuthScheme.ApiKey:
                w.WriteLine($$"""
                    /// <summary>The API key sent in the <c>{{Code.DocText(service.Auth!.HeaderName!)}}</c> header.</summary>
                    public string? ApiKey { get; set; }

                    """);
                break;
        }

        if (service.BaseUrlPlaceholders.Count > 0)
        {
            EmitCreateBaseAddress(w, service.BaseUrlPlaceholders, "BaseUrlTemplate", "CreateBaseAddress", null);
        }

        EmitHostOptions(w, service);

        w.WriteLine("""
            /// <summary>Describes the options; secrets, and user-info in the base address, show as <c>***</c>.</summary>
            /// <returns>The description.</returns>
            """);
        w.Write($$"""public override string ToString() => "{{service.Name}}ClientOptions { " + "BaseAddress = " + {{Runtime}}.ApiUrl.Display(BaseAddress)""");
        switch (service.Auth?.Scheme)
        {
            case AuthScheme.Basic:
                w.Write("""
                     + ", " + "Username = " + (Username is null ? "(unset)" : Username) + ", " + "Password = " + (Password is null ? "(unset)" : "***")
                    """);
                break;
            case AuthScheme.Bearer:
                w.Write("""
                     + ", " + "Token = " + (Token is null ? "(unset)" : "***")
                    """);
                break;
            case AuthScheme.ApiKey:
                w.Write("""
                     + ", " + "ApiKey = " + (ApiKey is null ? "(unset)" : "***")
                    """);
                break;
        }

        WriteHostsToString(w, service);

        w.WriteLine("""
             + " }";
            """);
        w.CloseBlock();
    }

    /// <summary>Writes the method that fills a base URL template's placeholders, escaping each value.</summary>
    /// <param name="server">The server's name, or <see langword="null"/> for the base URL.</param>
    private static void EmitCreateBaseAddress(SourceWriter w, EquatableArray<PlaceholderSpec> placeholders, string template, string method, string? server)
    {
        if (server is null)
        {
            w.WriteLine("/// <summary>Builds the documented base address from its placeholders.</summary>");
        }
        else
        {
            w.WriteLine($"/// <summary>Builds the documented base address of the <c>{Code.DocText(server)}</c> server from its placeholders.</summary>");
        }

        foreach (var placeholder in placeholders)
        {
            w.WriteLine($"/// <param name=\"{placeholder.ArgumentName.TrimStart('@')}\">The value of <c>{{{Code.DocText(placeholder.Name)}}}</c>.</param>");
        }

        w.WriteLine("""
            /// <returns>The base address.</returns>
            /// <exception cref="global::System.ArgumentException">A value is empty or the result is not an absolute URI.</exception>
            """);
        w.Write($"public static global::System.Uri {method}(");
        for (var i = 0; i < placeholders.Count; i++)
        {
            w.Write($"{(i == 0 ? string.Empty : ", ")}string {placeholders[i].ArgumentName}");
        }

        w.WriteLine(")");
        w.OpenBlock();
        w.WriteLine($"var url = {template};");
        foreach (var placeholder in placeholders)
        {
            w.WriteLine($"url = url.Replace({Code.Literal("{" + placeholder.Name + "}")}, {Runtime}.ApiUrl.EscapePathSegment({placeholder.ArgumentName}));");
        }

        w.WriteLine($"return {Runtime}.ApiUrl.NormalizeBaseAddress(new global::System.Uri(url, global::System.UriKind.Absolute));");
        w.CloseBlock();
        w.WriteLine();
    }

    private static void EmitException(SourceWriter w, ServiceSpec service, ServiceNames names, EmitOptions options)
    {
        var error = names.Error;
        var inSuccess = service.Error?.InSuccess is null ? string.Empty : ", with a success body that is an error body (error.inSuccess)";
        w.WriteLine($$"""
            /// <summary>Thrown by <see cref="{{names.Client}}"/> when {{Code.DocText(service.Name)}} answers with a non-success status{{inSuccess}}, or with a success body that does not match the descriptor.</summary>
            {{EmitterHeader.GeneratedCodeAttribute}}
            {{options.Visibility}} sealed partial class {{service.Name}}ApiException : {{Runtime}}.ApiException
            {
                /// <summary>Creates the exception from a received response.</summary>
                /// <param name="operation">The endpoint name.</param>
                /// <param name="response">The response.</param>
                /// <param name="responseBody">The raw response body.</param>
            """);
        w.Indent();
        if (error is not null)
        {
            w.WriteLine("/// <param name=\"error\">The parsed error body, when it matched.</param>");
        }

        w.WriteLine("""
            /// <param name="detail">The vendor's message, or what was wrong with a success body.</param>
            /// <param name="innerException">The parsing failure, when there was one.</param>
            """);
        var errorParameter = error is null ? string.Empty : error + "? error, ";
        w.WriteLine($$"""
            public {{service.Name}}ApiException(string operation, {{Http}}.HttpResponseMessage response, string responseBody, {{errorParameter}}string? detail, global::System.Exception? innerException)
                : base({{Code.Literal(service.Name)}}, operation, response, responseBody, detail, innerException)
            """);
        if (error is null)
        {
            w.WriteLine("""
                {
                }
                """);
        }
        else
        {
            w.WriteLine($$"""
                {
                    Error = error;
                }

                /// <summary>The vendor's error body, when the response carried one that matched <see cref="{{error}}"/>.</summary>
                public {{error}}? Error { get; }

                /// <inheritdoc/>
                public override object? ErrorBody => Error;
                """);
        }

        w.CloseBlock();
    }

    private static void EmitInterface(SourceWriter w, ServiceSpec service, ServiceNames names, EmitOptions options)
    {
        w.Doc("summary", service.Description ?? "The " + service.Name + " API.");
        w.WriteLine($$"""
            /// <remarks>
            /// Each method throws <see cref="{{service.Name}}ApiException"/> when the service answers with a non-success status, or with a body that
            /// does not match the descriptor; and <see cref="global::System.ArgumentException"/> when a required argument or parameter is missing,
            /// or a header value contains a line break.
            /// </remarks>
            """);
        w.WriteLine(EmitterHeader.GeneratedCodeAttribute);
        w.OpenBlock($"{options.Visibility} partial interface I{service.Name}Client");
        var first = true;
        foreach (var endpoint in service.Endpoints)
        {
            if (!first)
            {
                w.WriteLine();
            }

            first = false;
            EmitMethodDocs(w, service, names, endpoint);
            WriteSignature(w, service, endpoint);
            w.WriteLine(";");
            EmitWithResponseDeclaration(w, service, endpoint);
            EmitAllDeclaration(w, service, names, endpoint);
        }

        w.CloseBlock();
    }

    private static void EmitMethodDocs(SourceWriter w, ServiceSpec service, ServiceNames names, EndpointSpec endpoint)
    {
        if (endpoint.Summary is null)
        {
            w.WriteLine($"/// <summary><c>{endpoint.Method} {Code.DocText(endpoint.Path)}</c></summary>");
        }
        else
        {
            w.Doc("summary", endpoint.Summary);
        }

        w.Doc("remarks", endpoint.Description is null ? endpoint.Method + " " + endpoint.Path : endpoint.Description + "\n" + endpoint.Method + " " + endpoint.Path);
        EmitArgumentDocs(w, service, endpoint);
        if (endpoint.Response.Events)
        {
            EmitEventsDocs(w, endpoint);
            EmitExceptionDocs(w, service);
            return;
        }

        w.WriteLine("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        if (endpoint.Response.Type is not null)
        {
            w.Doc("returns", endpoint.Response.Description ?? ReturnsDoc(endpoint.Response.Type));
        }
        else
        {
            w.WriteLine("/// <returns>A task that completes when the service has answered with a success status.</returns>");
        }

        EmitExceptionDocs(w, service);
    }

    /// <summary>
    /// What every method throws, by name: when is said once, on the interface (<see cref="EmitInterface"/>) and on
    /// the exception type, since it is the same for every method.
    /// </summary>
    private static void EmitExceptionDocs(SourceWriter w, ServiceSpec service) =>
        w.WriteLine($$"""
            /// <exception cref="{{service.Name}}ApiException"/>
            /// <exception cref="global::System.ArgumentException"/>
            """);

    /// <summary>The documentation of a method's arguments: those of <see cref="WriteSignature"/>.</summary>
    private static void EmitArgumentDocs(SourceWriter w, ServiceSpec service, EndpointSpec endpoint)
    {
        EmitUrlArgumentDoc(w, service, endpoint);
        foreach (var parameter in endpoint.PathParameters)
        {
            var text = (parameter.Description ?? "The " + parameter.WireName + " path parameter.") + (parameter.Example is null ? string.Empty : " Example: " + parameter.Example + ".")
                + (parameter.Default is null ? string.Empty : " Default: " + parameter.Default + ".");
            w.Doc("param", text, "name=\"" + parameter.ArgumentName.TrimStart('@') + "\"");
        }

        if (endpoint.Body is not null)
        {
            w.Doc("param", BodyDoc(endpoint), "name=\"body\"");
        }

        if (endpoint.ParametersTypeName is not null)
        {
            w.WriteLine(endpoint.ParametersOptional
                ? "/// <param name=\"parameters\">The query and header parameters; all optional, so it may be left out.</param>"
                : "/// <param name=\"parameters\">The query and header parameters.</param>");
        }
    }

    /// <summary>
    /// Writes the signature of one of an endpoint's methods, without ending the line: the plain or the
    /// <c>...WithResponseAsync</c> method, with a default for the cancellation token, or the private request builder,
    /// without one. The argument list is the one <see cref="WriteArguments"/> passes on.
    /// </summary>
    private static void WriteSignature(SourceWriter w, ServiceSpec service, EndpointSpec endpoint, MethodForm form = MethodForm.Plain)
    {
        var ns = service.Namespace;
        WriteMethodHead(w, service, endpoint, form);
        var separator = WriteUrlArgument(w, endpoint);
        foreach (var parameter in endpoint.PathParameters)
        {
            w.Write($"{separator}{TypeSyntax.Name(parameter.Type, ns)} {parameter.ArgumentName}");
            separator = ", ";
        }

        if (endpoint.Body is not null)
        {
            w.Write($"{separator}{TypeSyntax.Name(endpoint.Body, ns)} body");
            separator = ", ";
        }

        if (endpoint.ParametersTypeName is not null)
        {
            w.Write(separator);
            w.Write(!endpoint.ParametersOptional ? $"global::{ns}.{endpoint.ParametersTypeName} parameters"
                : form == MethodForm.Builder ? $"global::{ns}.{endpoint.ParametersTypeName}? parameters"
                : $"global::{ns}.{endpoint.ParametersTypeName}? parameters = null");
            separator = ", ";
        }

        if (form == MethodForm.Builder)
        {
            WritePagingArgument(w, endpoint, separator);
        }
        else
        {
            w.Write($"{separator}global::System.Threading.CancellationToken cancellationToken = default");
        }

        w.Write(")");
    }

    private static void EmitClient(SourceWriter w, ServiceSpec service, ServiceNames names, EmitOptions options)
    {
        var runner = $"{Runtime}.ApiRequestRunner<{names.Error ?? "object"}>";
        w.Doc("summary", service.Description ?? "The " + service.Name + " API.");
        w.WriteLine($$"""
            /// <remarks>Thread-safe: one instance may serve many concurrent calls. The <see cref="{{Http}}.HttpClient"/> is not disposed by the client.</remarks>
            {{EmitterHeader.GeneratedCodeAttribute}}
            {{options.Visibility}} sealed partial class {{service.Name}}Client : {{names.Interface}}
            {
                /// <summary>The service name, as exception messages show it.</summary>
                public const string ServiceName = {{Code.Literal(service.Name)}};

            """);
        w.Indent();
        if (service.Endpoints.Any(e => e.Method == "PATCH"))
        {
            // HttpMethod.Patch does not exist on netstandard2.0.
            w.WriteLine($"private static readonly {Http}.HttpMethod s_patch = new {Http}.HttpMethod(\"PATCH\");");
        }

        if (service.DefaultHeaders.Count > 0)
        {
            w.Write("private static readonly global::System.Collections.Generic.KeyValuePair<string, string>[] s_defaultHeaders = { ");
            var first = true;
            foreach (var header in service.DefaultHeaders)
            {
                w.Write($"{(first ? string.Empty : ", ")}new({Code.Literal(header.Name)}, {Code.Literal(header.Value)})");
                first = false;
            }

            w.WriteLine(" };");
        }

        w.WriteLine($$"""
            private readonly {{runner}} _runner;

            /// <summary>Creates a client over an <see cref="{{Http}}.HttpClient"/>, such as one from <c>IHttpClientFactory</c> or <see cref="{{Runtime}}.EndpointGenHttpClient.Create"/>.</summary>
            /// <param name="httpClient">The HTTP client; its handlers (logging, resilience) apply to every call, and its Timeout bounds each call as a whole: headers, redirects and body.</param>
            /// <param name="options">The base address and credentials.</param>
            /// <remarks>
            /// The client follows redirects itself and sends its credential and request bodies to the base address's origin only, so the
            /// HttpClient's primary handler must leave redirects to it, as <see cref="{{Runtime}}.EndpointGenHttpClient.CreateHandler"/> does.
            /// A handler that follows them itself, as the one of <c>new HttpClient()</c> does, cannot be detected beforehand: once it has followed
            /// one to another origin the call fails with <see cref="{{names.Exception}}"/>, but what the request carried has gone there.
            /// </remarks>
            /// <exception cref="global::System.ArgumentNullException">An argument is <see langword="null"/>.</exception>
            /// <exception cref="global::System.ArgumentException">No base address is set; it is not an absolute https URI (http is for loopback, or with <c>AllowInsecureHttp</c>); or <c>MaxResponseBodyBytes</c> is not positive.</exception>
            public {{service.Name}}Client({{Http}}.HttpClient httpClient, {{names.Options}} options)
            {
                if (options is null)
                {
                    throw new global::System.ArgumentNullException(nameof(options));
                }

                _runner = new {{runner}}(
                    httpClient,
                    new {{Runtime}}.ApiRunnerSettings
                    {
                        Service = ServiceName,
                        BaseAddress = options.BaseAddress,
            """);
        w.Indent();
        w.Indent();
        w.Indent();
        if (service.BaseUrlPlaceholders.Count == 0)
        {
            w.WriteLine($"BaseUrlTemplate = {names.Options}.BaseUrlTemplate,");
        }

        w.WriteLine("""
            AllowInsecureHttp = options.AllowInsecureHttp,
            MaxResponseBodyBytes = options.MaxResponseBodyBytes,
            """);
        switch (service.Auth?.Scheme)
        {
            case AuthScheme.Basic:
                w.WriteLine($$"""
                    CredentialHeader = "Authorization",
                    Credential = {{Runtime}}.ApiRequest.BasicAuthorization(options.Username, options.Password),
                    """);
                break;
            case AuthScheme.Bearer:
                w.WriteLine($$"""
                    CredentialHeader = "Authorization",
                    Credential = {{Runtime}}.ApiRequest.BearerAuthorization(options.Token),
                    """);
                break;
            case AuthScheme.ApiKey:
                w.WriteLine($$"""
                    CredentialHeader = {{Code.Literal(service.Auth!.HeaderName!)}},
                    Credential = options.ApiKey,
                    """);
                break;
        }

        EmitHostSettings(w, service, names);

        if (service.DefaultHeaders.Count > 0)
        {
            w.WriteLine("DefaultHeaders = s_defaultHeaders,");
        }

        w.Unindent();
        w.WriteLine("},");
        if (names.Error is null)
        {
            w.WriteLine($"static (operation, response, body, _, detail, innerException) => new {names.Exception}(operation, response, body, detail, innerException));");
        }
        else
        {
            w.WriteLine($"static (operation, response, body, error, detail, innerException) => new {names.Exception}(operation, response, body, error, detail, innerException),");
            var describe = service.Error!.MessagePath.Count == 0 ? "null" : "DescribeError";
            w.WriteLine($"{names.Error}.JsonConverter.ReadValue,");
            w.WriteLine($"{describe}{(service.Error!.InSuccess is null ? string.Empty : ", IsErrorInSuccess")});");
        }

        w.Unindent();
        w.CloseBlock();
        foreach (var endpoint in service.Endpoints)
        {
            w.WriteLine();
            EmitMethod(w, service, endpoint);
        }

        EmitFormWriters(w, service);
        if (service.Error is { MessagePath.Count: > 0 } errorSpec)
        {
            w.WriteLine();
            EmitDescribeError(w, errorSpec, names.Error!);
        }

        if (service.Error?.InSuccess is { } inSuccess)
        {
            w.WriteLine();
            EmitIsErrorInSuccess(w, inSuccess, names.Error!);
        }

        w.CloseBlock();
    }

    private static void EmitMethod(SourceWriter w, ServiceSpec service, EndpointSpec endpoint)
    {
        var ns = service.Namespace;
        EmitSenders(w, service, endpoint);
        EmitAllMethod(w, service, endpoint);

        // Called by the public methods as they call the runner, so arguments are checked before a task exists.
        w.Write("private ");
        WriteSignature(w, service, endpoint, MethodForm.Builder);
        w.WriteLine();
        w.OpenBlock();
        if (endpoint.Body is not null && !endpoint.Body.IsValueType && endpoint.Body.Kind != TypeKind.Json)
        {
            w.WriteLine("""
                if (body is null)
                {
                    throw new global::System.ArgumentNullException(nameof(body));
                }

                """);
        }

        if (endpoint.ParametersOptional)
        {
            // Every parameter is optional: leaving the argument out sends none of them.
            w.WriteLine($"parameters ??= new global::{ns}.{endpoint.ParametersTypeName}();");
            w.WriteLine();
        }
        else if (endpoint.ParametersTypeName is not null)
        {
            w.WriteLine("""
                if (parameters is null)
                {
                    throw new global::System.ArgumentNullException(nameof(parameters));
                }

                """);
            EmitRequiredParameterChecks(w, endpoint.QueryParameters);
            EmitRequiredParameterChecks(w, endpoint.HeaderParameters);
            EmitRequiredListChecks(w, endpoint.QueryParameters);
            EmitRequiredListChecks(w, endpoint.HeaderParameters);
        }

        var url = EmitStartUrl(w, endpoint);
        var pagedByUrl = endpoint.Pagination?.Style == PaginationStyle.NextUrl && (endpoint.Segments.Count > 0 || endpoint.QueryParameters.Count > 0);
        if (pagedByUrl)
        {
            // A next page's URL is the server's, whole: no path or query is added to it.
            w.OpenBlock("if (nextUrl is null)");
        }

        foreach (var segment in endpoint.Segments)
        {
            if (segment.IsParameter)
            {
                var parameter = PathParameter(endpoint, segment.Text);
                if (parameter.Type.Kind == TypeKind.Enum)
                {
                    // An enum argument is a class: null is refused as a string argument is (ArgumentNullException).
                    w.WriteLine($"url.AppendSegment(({parameter.ArgumentName} ?? throw new global::System.ArgumentNullException(nameof({parameter.ArgumentName}))).Value);");
                }
                else
                {
                    w.WriteLine($"url.AppendSegment({PathValue(parameter)});");
                }
            }
            else
            {
                w.WriteLine($"url.AppendPath({Code.Literal(segment.Text)});");
            }
        }

        foreach (var parameter in endpoint.QueryParameters)
        {
            EmitAddQuery(w, url, parameter, PagingOverride(endpoint, parameter));
        }

        if (pagedByUrl)
        {
            w.CloseBlock();
            w.WriteLine();
        }

        var guarded = EmitCreateRequest(w, endpoint, url);
        foreach (var parameter in endpoint.HeaderParameters)
        {
            EmitAddHeader(w, parameter);
        }

        if (guarded)
        {
            w.CloseBlock();
            w.WriteLine();
        }

        if (endpoint.Body is { } body && HasContent(endpoint))
        {
            EmitBodyContent(w, service, endpoint, body);
        }
        else if (endpoint.Body is { } jsonBody)
        {
            w.WriteLine($"request.Content = {Runtime}.ApiRequest.JsonContent<{TypeSyntax.Name(jsonBody, ns)}>(body, {TypeSyntax.WriteFunction(jsonBody, ns)});");
        }
        else if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            w.WriteLine($"request.Content = {Runtime}.ApiRequest.EmptyJsonContent();");
        }

        w.WriteLine("return request;");
        w.CloseBlock();
    }

    private static string HttpMethod(string method) => method switch
    {
        "GET" => Http + ".HttpMethod.Get",
        "POST" => Http + ".HttpMethod.Post",
        "PUT" => Http + ".HttpMethod.Put",
        "DELETE" => Http + ".HttpMethod.Delete",
        "HEAD" => Http + ".HttpMethod.Head",
        "OPTIONS" => Http + ".HttpMethod.Options",
        "PATCH" => "s_patch",
        _ => Http + ".HttpMethod." + method.Substring(0, 1) + method.Substring(1).ToLowerInvariant(),
    };

    private static ParameterSpec PathParameter(EndpointSpec endpoint, string wireName)
    {
        foreach (var parameter in endpoint.PathParameters)
        {
            if (parameter.WireName == wireName)
            {
                return parameter;
            }
        }

        throw new InvalidOperationException("The path names a parameter the endpoint does not declare: " + wireName);
    }

    private static void EmitRequiredParameterChecks(SourceWriter w, EquatableArray<ParameterSpec> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Required && parameter.Type.Kind is TypeKind.String or TypeKind.Enum)
            {
                var test = parameter.Type.Kind == TypeKind.String ? $"string.IsNullOrEmpty(parameters.{parameter.PropertyName})" : $"parameters.{parameter.PropertyName} is null";
                w.WriteLine($$"""
                    if ({{test}})
                    {
                        throw new global::System.ArgumentException({{Code.Literal("The parameter '" + parameter.WireName + "' is required.")}}, nameof(parameters));
                    }

                    """);
            }
        }
    }

    /// <summary>A header's value as text: the one wire format of its type (see <see cref="WireText"/>).</summary>
    private static WireText HeaderValue(ParameterSpec parameter, string access) => new(parameter.Type, !parameter.Required, access);

    /// <summary>The vendor's message from a parsed error body: every non-empty value at the message path, joined.</summary>
    private static void EmitDescribeError(SourceWriter w, ErrorSpec error, string errorType)
    {
        w.WriteLine($$"""
            private static string? DescribeError({{errorType}} error)
            {
                var parts = new global::System.Collections.Generic.List<string>();
            """);
        w.Indent();
        var current = "error";
        var depth = 0;
        foreach (var step in error.MessagePath)
        {
            var value = "v" + depth++;
            // A three-state property's null and unset both mean "no message".
            w.OpenBlock($"if ({current}.{step.PropertyName}{(step.IsThreeState ? ".GetValueOrDefault()" : string.Empty)} is {{ }} {value})");
            current = value;
            if (step.IsArray)
            {
                var item = "v" + depth++;
                w.OpenBlock($"foreach (var {item} in {current})");
                w.WriteLine($$"""
                    if ({{item}} is null)
                    {
                        continue;
                    }

                    """);
                current = item;
            }
        }

        w.WriteLine($$"""
            if ({{current}}.Length > 0)
            {
                parts.Add({{current}});
            }
            """);
        foreach (var step in error.MessagePath)
        {
            w.CloseBlock();
            if (step.IsArray)
            {
                w.CloseBlock();
            }
        }

        w.WriteLine();
        w.WriteLine("return parts.Count == 0 ? null : string.Join(\"; \", parts);");
        w.CloseBlock();
    }

    private static void EmitParametersType(SourceWriter w, ServiceSpec service, ServiceNames names, EndpointSpec endpoint, EmitOptions options)
    {
        var ns = service.Namespace;
        w.WriteLine($$"""
            /// <summary>The query and header parameters of <see cref="{{service.Name}}Client.{{endpoint.Name}}Async"/>.</summary>
            /// <remarks>Unset (<see langword="null"/>) optional parameters, and empty strings{{EmptyListsNote(endpoint)}}, are not sent.</remarks>
            {{EmitterHeader.GeneratedCodeAttribute}}
            {{options.Visibility}} sealed partial class {{endpoint.ParametersTypeName}}
            {
            """);
        w.Indent();
        var first = true;
        foreach (var parameter in endpoint.QueryParameters)
        {
            EmitParameterProperty(w, ns, parameter, "Query parameter", false, ref first);
        }

        foreach (var parameter in endpoint.HeaderParameters)
        {
            EmitParameterProperty(w, ns, parameter, "Header", true, ref first);
        }

        w.CloseBlock();
    }

    private static void EmitParameterProperty(SourceWriter w, string ns, ParameterSpec parameter, string where, bool isHeader, ref bool first)
    {
        if (!first)
        {
            w.WriteLine();
        }

        first = false;
        if (parameter.Description is null)
        {
            w.WriteLine($"/// <summary>The <c>{Code.DocText(parameter.WireName)}</c> parameter.</summary>");
        }
        else
        {
            w.Doc("summary", parameter.Description);
        }

        w.Write($"/// <remarks>{where} <c>{Code.DocText(parameter.WireName)}</c>{(parameter.Required ? ", required" : ", optional")}");
        if (parameter.Example is null)
        {
            w.Write(".");
        }
        else
        {
            w.Write($". Example: <c>{Code.DocText(parameter.Example.Replace("\n", " "))}</c>.");
        }

        WriteParameterRemarksTail(w, parameter, isHeader);
        w.WriteLine("</remarks>");
        w.WriteLine($"public {(parameter.Required ? "required " : string.Empty)}{TypeSyntax.Name(parameter.Type, ns, nullable: !parameter.Required)} {parameter.PropertyName} {{ get; init; }}");
    }
}
