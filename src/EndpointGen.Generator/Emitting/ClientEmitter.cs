using System;
using System.Collections.Generic;
using System.Linq;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <summary>
/// Emits the service file: the options, the typed exception, the client interface and class with one async method
/// per endpoint, and the parameter types of endpoints with query or header parameters.
/// </summary>
internal static class ClientEmitter
{
    private const string Runtime = "global::EndpointGen.Runtime";
    private const string Http = "global::System.Net.Http";

    /// <summary>Writes the service's own types into the file, after its namespace declaration.</summary>
    public static void EmitBody(SourceWriter w, ServiceSpec service, EmitOptions options)
    {
        EmitOptionsType(w, service, options);
        w.Line();
        EmitException(w, service, options);
        w.Line();
        EmitInterface(w, service, options);
        w.Line();
        EmitClient(w, service, options);
        foreach (var endpoint in service.Endpoints.Where(e => e.ParametersTypeName is not null))
        {
            w.Line();
            EmitParametersType(w, service, endpoint, options);
        }
    }

    private static string Q(ServiceSpec service, string name) => "global::" + service.Ns + "." + name;

    private static void EmitOptionsType(SourceWriter w, ServiceSpec service, EmitOptions options)
    {
        var name = service.Name + "ClientOptions";
        w.DocRaw("<summary>Where <see cref=\"" + Q(service, service.Name + "Client") + "\"/> sends requests, and its credentials.</summary>");
        w.DocRaw("<remarks>Settable properties, so the options bind from configuration. <see cref=\"ToString\"/> never shows a secret.</remarks>");
        w.Line(EmitterHeader.GeneratedCodeAttribute);
        w.Open(options.Visibility + " sealed partial class " + name);
        w.DocRaw("<summary>The base URL as the vendor documents it: <c>" + SourceWriter.Escape(service.BaseUrl) + "</c>.</summary>");
        w.Line("public const string BaseUrlTemplate = " + SourceWriter.Literal(service.BaseUrl) + ";");
        w.Line();
        w.DocRaw("<summary>The absolute base address requests go to; paths are appended to its path. When unset, the HttpClient's BaseAddress is used"
            + (service.BaseUrlPlaceholders.Count == 0 ? ", and when that is unset too, <see cref=\"BaseUrlTemplate\"/>." : "; build one with <see cref=\"CreateBaseAddress\"/>.") + "</summary>");
        w.Line("public global::System.Uri? BaseAddress { get; set; }");
        w.Line();
        w.DocRaw("<summary>Allows a plain http base address to a host other than loopback. Off by default: credentials would cross the network in clear.</summary>");
        w.Line("public bool AllowInsecureHttp { get; set; }");
        w.Line();
        w.DocRaw("<summary>The largest response body accepted, in bytes; a larger one fails the call instead of exhausting memory. Default: 32 MiB.</summary>");
        w.Line("public long MaxResponseBodyBytes { get; set; } = " + Runtime + ".ApiRequest.DefaultMaxResponseBodyBytes;");
        w.Line();
        var secrets = new List<(string Property, bool Secret)>();
        switch (service.Auth?.Scheme)
        {
            case AuthScheme.Basic:
                w.DocRaw("<summary>The user name for HTTP Basic authentication.</summary>");
                w.Line("public string? Username { get; set; }");
                w.Line();
                w.DocRaw("<summary>The password for HTTP Basic authentication.</summary>");
                w.Line("public string? Password { get; set; }");
                w.Line();
                secrets.Add(("Username", false));
                secrets.Add(("Password", true));
                break;
            case AuthScheme.Bearer:
                w.DocRaw("<summary>The bearer token sent in the <c>Authorization</c> header.</summary>");
                w.Line("public string? Token { get; set; }");
                w.Line();
                secrets.Add(("Token", true));
                break;
            case AuthScheme.ApiKey:
                w.DocRaw("<summary>The API key sent in the <c>" + SourceWriter.Escape(service.Auth!.HeaderName!) + "</c> header.</summary>");
                w.Line("public string? ApiKey { get; set; }");
                w.Line();
                secrets.Add(("ApiKey", true));
                break;
        }

        if (service.BaseUrlPlaceholders.Count > 0)
        {
            var arguments = service.BaseUrlPlaceholders.Select(p => (Placeholder: p, Argument: Parsing.Naming.ToCamelCase(Parsing.Naming.ToPascalCase(p)!))).ToList();
            w.DocRaw("<summary>Builds the documented base address from its placeholders.</summary>");
            foreach (var (placeholder, argument) in arguments)
            {
                w.DocRaw("<param name=\"" + argument.TrimStart('@') + "\">The value of <c>{" + SourceWriter.Escape(placeholder) + "}</c>.</param>");
            }

            w.DocRaw("<returns>The base address.</returns>");
            w.DocRaw("<exception cref=\"global::System.ArgumentException\">A value is empty or the result is not an absolute URI.</exception>");
            w.Open("public static global::System.Uri CreateBaseAddress(" + string.Join(", ", arguments.Select(a => "string " + a.Argument)) + ")");
            w.Line("var url = BaseUrlTemplate;");
            foreach (var (placeholder, argument) in arguments)
            {
                w.Line("url = url.Replace(" + SourceWriter.Literal("{" + placeholder + "}") + ", " + Runtime + ".ApiUrl.EscapePathSegment(" + argument + "));");
            }

            w.Line("return " + Runtime + ".ApiUrl.NormalizeBaseAddress(new global::System.Uri(url, global::System.UriKind.Absolute));");
            w.Close();
            w.Line();
        }

        w.DocRaw("<summary>Describes the options; secrets show as <c>***</c>.</summary>");
        w.DocRaw("<returns>The description.</returns>");
        var parts = new List<string> { "\"BaseAddress = \" + (BaseAddress?.ToString() ?? \"(unset)\")" };
        parts.AddRange(secrets.Select(s => "\"" + s.Property + " = \" + (" + s.Property + " is null ? \"(unset)\" : " + (s.Secret ? "\"***\"" : s.Property) + ")"));
        w.Line("public override string ToString() => \"" + name + " { \" + " + string.Join(" + \", \" + ", parts) + " + \" }\";");
        w.Close();
    }

    private static void EmitException(SourceWriter w, ServiceSpec service, EmitOptions options)
    {
        var name = service.Name + "ApiException";
        var error = service.Error is null ? null : Q(service, service.Error.TypeName);
        w.DocRaw("<summary>Thrown by <see cref=\"" + Q(service, service.Name + "Client") + "\"/> when " + SourceWriter.Escape(service.Name)
            + " answers with a non-success status, or with a success body that does not match the descriptor.</summary>");
        w.Line(EmitterHeader.GeneratedCodeAttribute);
        w.Open(options.Visibility + " sealed partial class " + name + " : " + Runtime + ".ApiException");
        w.DocRaw("<summary>Creates the exception from a received response.</summary>");
        w.DocRaw("<param name=\"operation\">The endpoint name.</param>");
        w.DocRaw("<param name=\"response\">The response.</param>");
        w.DocRaw("<param name=\"responseBody\">The raw response body.</param>");
        if (error is not null)
        {
            w.DocRaw("<param name=\"error\">The parsed error body, when it matched.</param>");
        }

        w.DocRaw("<param name=\"detail\">The vendor's message, or what was wrong with a success body.</param>");
        w.DocRaw("<param name=\"innerException\">The parsing failure, when there was one.</param>");
        w.Line("public " + name + "(string operation, " + Http + ".HttpResponseMessage response, string responseBody, "
            + (error is null ? string.Empty : error + "? error, ") + "string? detail, global::System.Exception? innerException)");
        w.Line("    : base(" + SourceWriter.Literal(service.Name) + ", operation, response, responseBody, detail, innerException)");
        w.OpenBlock();
        if (error is not null)
        {
            w.Line("Error = error;");
        }

        w.Close();
        if (error is not null)
        {
            w.Line();
            w.DocRaw("<summary>The vendor's error body, when the response carried one that matched <see cref=\"" + error + "\"/>.</summary>");
            w.Line("public " + error + "? Error { get; }");
            w.Line();
            w.DocRaw("<inheritdoc/>");
            w.Line("public override object? ErrorBody => Error;");
        }

        w.Close();
    }

    private static void EmitInterface(SourceWriter w, ServiceSpec service, EmitOptions options)
    {
        w.Doc("summary", service.Description ?? "The " + service.Name + " API.");
        w.Line(EmitterHeader.GeneratedCodeAttribute);
        w.Open(options.Visibility + " partial interface I" + service.Name + "Client");
        var first = true;
        foreach (var endpoint in service.Endpoints)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            EmitMethodDocs(w, service, endpoint);
            WriteSignature(w.Begin(), service, endpoint);
            w.Add(';').End();
        }

        w.Close();
    }

    private static void EmitMethodDocs(SourceWriter w, ServiceSpec service, EndpointSpec endpoint)
    {
        if (endpoint.Summary is null)
        {
            w.Begin().Add("/// <summary><c>").Add(endpoint.Method).Add(' ').Add(SourceWriter.Escape(endpoint.Path)).Add("</c></summary>").End();
        }
        else
        {
            w.Doc("summary", endpoint.Summary);
        }

        w.Doc("remarks", endpoint.Description is null ? endpoint.Method + " " + endpoint.Path : endpoint.Description + "\n" + endpoint.Method + " " + endpoint.Path);

        foreach (var parameter in endpoint.PathParameters)
        {
            w.Doc("param", (parameter.Description ?? "The " + parameter.WireName + " path parameter.") + (parameter.Example is null ? string.Empty : " Example: " + parameter.Example + "."), "name=\"" + parameter.ArgumentName.TrimStart('@') + "\"");
        }

        if (endpoint.Body is not null)
        {
            w.DocRaw("<param name=\"body\">The request body.</param>");
        }

        if (endpoint.ParametersTypeName is not null)
        {
            w.DocRaw("<param name=\"parameters\">The query and header parameters.</param>");
        }

        w.DocRaw("<param name=\"cancellationToken\">Cancels the request.</param>");
        if (endpoint.Response.Type is not null)
        {
            w.Doc("returns", endpoint.Response.Description ?? "The response body.");
        }
        else
        {
            w.DocRaw("<returns>A task that completes when the service has answered with a success status.</returns>");
        }

        w.Begin().Add("/// <exception cref=\"global::").Add(service.Ns).Add('.').Add(service.Name)
            .Add("ApiException\">The service answered with a non-success status, or with a body that does not match the descriptor.</exception>").End();
        w.DocRaw("<exception cref=\"global::System.ArgumentException\">A required argument or parameter is missing, or a header value contains a line break.</exception>");
    }

    /// <summary>Writes an endpoint method's signature, with a default for the cancellation token, into the open line.</summary>
    private static void WriteSignature(SourceWriter w, ServiceSpec service, EndpointSpec endpoint)
    {
        var ns = service.Ns;
        if (endpoint.Response.Type is null)
        {
            w.Add("global::System.Threading.Tasks.Task ");
        }
        else
        {
            TypeSyntax.AddName(w.Add("global::System.Threading.Tasks.Task<"), endpoint.Response.Type, ns).Add("> ");
        }

        w.Add(endpoint.Name).Add("Async(");
        foreach (var parameter in endpoint.PathParameters)
        {
            TypeSyntax.AddName(w, parameter.Type, ns).Add(' ').Add(parameter.ArgumentName).Add(", ");
        }

        if (endpoint.Body is not null)
        {
            TypeSyntax.AddName(w, endpoint.Body, ns).Add(" body, ");
        }

        if (endpoint.ParametersTypeName is not null)
        {
            w.Add("global::").Add(ns).Add('.').Add(endpoint.ParametersTypeName).Add(" parameters, ");
        }

        w.Add("global::System.Threading.CancellationToken cancellationToken = default)");
    }

    private static void EmitClient(SourceWriter w, ServiceSpec service, EmitOptions options)
    {
        var name = service.Name + "Client";
        var optionsType = Q(service, service.Name + "ClientOptions");
        var exception = Q(service, service.Name + "ApiException");
        w.Doc("summary", service.Description ?? "The " + service.Name + " API.");
        w.DocRaw("<remarks>Thread-safe: one instance may serve many concurrent calls. The <see cref=\"" + Http + ".HttpClient\"/> is not disposed by the client.</remarks>");
        w.Line(EmitterHeader.GeneratedCodeAttribute);
        w.Open(options.Visibility + " sealed partial class " + name + " : " + Q(service, "I" + name));
        w.DocRaw("<summary>The service name, as exception messages show it.</summary>");
        w.Line("public const string ServiceName = " + SourceWriter.Literal(service.Name) + ";");
        w.Line();
        if (service.Endpoints.Any(e => e.Method == "PATCH"))
        {
            // HttpMethod.Patch does not exist on netstandard2.0.
            w.Line("private static readonly " + Http + ".HttpMethod s_patch = new " + Http + ".HttpMethod(\"PATCH\");");
        }

        w.Line("private readonly " + Http + ".HttpClient _httpClient;");
        w.Line("private readonly global::System.Uri _baseAddress;");
        w.Line("private readonly long _maxResponseBodyBytes;");
        if (service.Auth is not null)
        {
            w.Line("private readonly string? _credential;");
        }

        w.Line();
        w.DocRaw("<summary>Creates a client over an <see cref=\"" + Http + ".HttpClient\"/>, such as one from <c>IHttpClientFactory</c>.</summary>");
        w.DocRaw("<param name=\"httpClient\">The HTTP client; its handlers (logging, resilience) apply to every call.</param>");
        w.DocRaw("<param name=\"options\">The base address and credentials.</param>");
        w.DocRaw("<exception cref=\"global::System.ArgumentNullException\">An argument is <see langword=\"null\"/>.</exception>");
        w.DocRaw("<exception cref=\"global::System.ArgumentException\">No base address is set; it is not an absolute https URI (http is for loopback, or with <c>AllowInsecureHttp</c>); or <c>MaxResponseBodyBytes</c> is not positive.</exception>");
        w.Open("public " + name + "(" + Http + ".HttpClient httpClient, " + optionsType + " options)");
        w.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        w.Open("if (options is null)");
        w.Line("throw new global::System.ArgumentNullException(nameof(options));");
        w.Close();
        w.Line();
        var fallback = service.BaseUrlPlaceholders.Count == 0 ? " ?? new global::System.Uri(" + optionsType + ".BaseUrlTemplate, global::System.UriKind.Absolute)" : string.Empty;
        w.Line("var baseAddress = options.BaseAddress ?? httpClient.BaseAddress" + fallback);
        w.Line("    ?? throw new global::System.ArgumentException(" + SourceWriter.Literal(
            service.Name + "ClientOptions.BaseAddress is not set: set it (" + service.Name + "ClientOptions.CreateBaseAddress builds the documented one) or give the HttpClient a BaseAddress.") + ", nameof(options));");
        w.Line("_baseAddress = " + Runtime + ".ApiUrl.NormalizeBaseAddress(baseAddress, options.AllowInsecureHttp);");
        w.Line("_maxResponseBodyBytes = options.MaxResponseBodyBytes > 0");
        w.Line("    ? options.MaxResponseBodyBytes");
        w.Line("    : throw new global::System.ArgumentException(" + SourceWriter.Literal(service.Name + "ClientOptions.MaxResponseBodyBytes must be positive.") + ", nameof(options));");
        switch (service.Auth?.Scheme)
        {
            case AuthScheme.Basic:
                w.Line("_credential = " + Runtime + ".ApiRequest.BasicAuthorization(options.Username, options.Password);");
                break;
            case AuthScheme.Bearer:
                w.Line("_credential = " + Runtime + ".ApiRequest.BearerAuthorization(options.Token);");
                break;
            case AuthScheme.ApiKey:
                w.Line("_credential = options.ApiKey;");
                break;
        }

        w.Close();
        foreach (var endpoint in service.Endpoints)
        {
            w.Line();
            EmitMethod(w, service, endpoint);
        }

        w.Line();
        EmitHelpers(w, service, exception);
        w.Close();
    }

    private static void EmitMethod(SourceWriter w, ServiceSpec service, EndpointSpec endpoint)
    {
        var ns = service.Ns;
        w.DocRaw("<inheritdoc/>");
        // Not async: arguments are checked before a task exists, and the send, the status check and the body read
        // are one helper per client (SendRequestAsync) rather than a copy in every method.
        WriteSignature(w.Begin().Add("public "), service, endpoint);
        w.EndOpen();
        if (endpoint.Body is not null && !endpoint.Body.IsValueType && endpoint.Body.Kind != TypeKind.Json)
        {
            w.Open("if (body is null)");
            w.Line("throw new global::System.ArgumentNullException(nameof(body));");
            w.Close();
            w.Line();
        }

        if (endpoint.ParametersTypeName is not null)
        {
            w.Open("if (parameters is null)");
            w.Line("throw new global::System.ArgumentNullException(nameof(parameters));");
            w.Close();
            w.Line();
            EmitRequiredStringChecks(w, endpoint.QueryParameters);
            EmitRequiredStringChecks(w, endpoint.HeaderParameters);
        }

        w.Line("var url = new " + Runtime + ".ApiUrlBuilder(_baseAddress);");
        foreach (var segment in endpoint.Segments)
        {
            if (segment.IsParameter)
            {
                AddPathArgument(w.Begin().Add("url.AppendSegment("), endpoint, segment.Text).Add(");").End();
            }
            else
            {
                w.Begin().Add("url.AppendPath(").AddLiteral(segment.Text).Add(");").End();
            }
        }

        foreach (var parameter in endpoint.QueryParameters)
        {
            w.Begin().Add("url.AddQuery(").AddLiteral(parameter.WireName).Add(", parameters.").Add(parameter.PropertyName)
                .Add(parameter.Type.Kind == TypeKind.Enum ? (parameter.Required ? ".Value" : "?.Value") : string.Empty).Add(");").End();
        }

        var method = endpoint.Method switch
        {
            "GET" => Http + ".HttpMethod.Get",
            "POST" => Http + ".HttpMethod.Post",
            "PUT" => Http + ".HttpMethod.Put",
            "DELETE" => Http + ".HttpMethod.Delete",
            "HEAD" => Http + ".HttpMethod.Head",
            "OPTIONS" => Http + ".HttpMethod.Options",
            "PATCH" => "s_patch",
            _ => Http + ".HttpMethod." + endpoint.Method.Substring(0, 1) + endpoint.Method.Substring(1).ToLowerInvariant(),
        };
        w.Begin().Add("var request = CreateRequest(").Add(method).Add(", url.ToUri());").End();
        foreach (var parameter in endpoint.HeaderParameters)
        {
            w.Line(Runtime + ".ApiRequest.AddHeader(request, " + SourceWriter.Literal(parameter.WireName) + ", " + HeaderValue(parameter, "parameters." + parameter.PropertyName) + ");");
        }

        if (endpoint.Body is not null)
        {
            TypeSyntax.AddName(w.Begin().Add("request.Content = " + Runtime + ".ApiRequest.JsonContent<"), endpoint.Body, ns)
                .Add(">(body, ");
            TypeSyntax.AddWriteFunction(w, endpoint.Body, ns).Add(");").End();
        }
        else if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            w.Line("request.Content = " + Runtime + ".ApiRequest.EmptyJsonContent();");
        }

        if (endpoint.Response.Type is { } responseType)
        {
            TypeSyntax.AddName(w.Begin().Add("return SendRequestAsync<"), responseType, ns).Add(">(").AddLiteral(endpoint.Name).Add(", request, ")
                .AddLiteral(responseType.Display).Add(", ");
            TypeSyntax.AddReadFunction(w, responseType, ns).Add(", cancellationToken);").End();
        }
        else
        {
            w.Begin().Add("return SendRequestAsync(").AddLiteral(endpoint.Name).Add(", request, cancellationToken);").End();
        }

        w.Close();
    }

    private static SourceWriter AddPathArgument(SourceWriter w, EndpointSpec endpoint, string wireName)
    {
        foreach (var parameter in endpoint.PathParameters)
        {
            if (parameter.WireName == wireName)
            {
                return w.Add(parameter.ArgumentName).Add(parameter.Type.Kind == TypeKind.Enum ? ".Value" : string.Empty);
            }
        }

        throw new InvalidOperationException("The path names a parameter the endpoint does not declare: " + wireName);
    }

    private static void EmitRequiredStringChecks(SourceWriter w, EquatableArray<ParameterSpec> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Required && parameter.Type.Kind == TypeKind.String)
            {
                w.Begin().Add("if (string.IsNullOrEmpty(parameters.").Add(parameter.PropertyName).Add("))").EndOpen();
                w.Begin().Add("throw new global::System.ArgumentException(").AddLiteral("The parameter '" + parameter.WireName + "' is required.").Add(", nameof(parameters));").End();
                w.Close();
                w.Line();
            }
        }
    }

    private static string HeaderValue(ParameterSpec parameter, string access)
    {
        var q = parameter.Required ? string.Empty : "?";
        return parameter.Type.Kind switch
        {
            TypeKind.String => access,
            TypeKind.Enum => access + q + ".Value",
            TypeKind.Boolean => parameter.Required ? "(" + access + " ? \"true\" : \"false\")" : "(" + access + " is null ? null : " + access + ".Value ? \"true\" : \"false\")",
            TypeKind.Uuid => access + q + ".ToString(\"D\")",
            TypeKind.DateTime => access + q + ".ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
            TypeKind.Number => access + q + ".ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)",
            _ => access + q + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        };
    }

    private static void EmitHelpers(SourceWriter w, ServiceSpec service, string exception)
    {
        w.Open("private " + Http + ".HttpRequestMessage CreateRequest(" + Http + ".HttpMethod method, global::System.Uri uri)");
        w.Line("var request = new " + Http + ".HttpRequestMessage(method, uri);");
        foreach (var header in service.DefaultHeaders)
        {
            w.Line("request.Headers.TryAddWithoutValidation(" + SourceWriter.Literal(header.Name) + ", " + SourceWriter.Literal(header.Value) + ");");
        }

        switch (service.Auth?.Scheme)
        {
            case AuthScheme.Basic or AuthScheme.Bearer:
                w.Open("if (_credential is not null)");
                w.Line("request.Headers.TryAddWithoutValidation(\"Authorization\", _credential);");
                w.Close();
                break;
            case AuthScheme.ApiKey:
                w.Line(Runtime + ".ApiRequest.AddHeader(request, " + SourceWriter.Literal(service.Auth!.HeaderName!) + ", _credential);");
                break;
        }

        w.Line("return request;");
        w.Close();
        w.Line();

        // The request is the helper's from here on: it is disposed however the call ends.
        w.Open("private async global::System.Threading.Tasks.Task<T> SendRequestAsync<T>(string operation, " + Http + ".HttpRequestMessage request, string typeName, "
            + Runtime + ".JsonReadFunc<T> read, global::System.Threading.CancellationToken cancellationToken)");
        w.Open("using (request)");
        w.Line("using var response = await _httpClient.SendAsync(request, " + Http + ".HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);");
        w.Open("if (!response.IsSuccessStatusCode)");
        w.Line("throw await CreateExceptionAsync(operation, response, cancellationToken).ConfigureAwait(false);");
        w.Close();
        w.Line();
        w.Line("return await ReadAsync(operation, typeName, response, read, cancellationToken).ConfigureAwait(false);");
        w.Close();
        w.Close();
        w.Line();

        w.Open("private async global::System.Threading.Tasks.Task SendRequestAsync(string operation, " + Http + ".HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)");
        w.Open("using (request)");
        w.Line("using var response = await _httpClient.SendAsync(request, " + Http + ".HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);");
        w.Open("if (!response.IsSuccessStatusCode)");
        w.Line("throw await CreateExceptionAsync(operation, response, cancellationToken).ConfigureAwait(false);");
        w.Close();
        w.Close();
        w.Close();
        w.Line();

        w.Open("private async global::System.Threading.Tasks.Task<T> ReadAsync<T>(string operation, string typeName, " + Http + ".HttpResponseMessage response, " + Runtime + ".JsonReadFunc<T> read, global::System.Threading.CancellationToken cancellationToken)");
        w.Line(Runtime + ".ResponseBody body;");
        w.Open("try");
        w.Line("body = await " + Runtime + ".ApiRequest.ReadPooledBodyAsync(response, _maxResponseBodyBytes, cancellationToken).ConfigureAwait(false);");
        w.Close();
        w.Open("catch (" + Runtime + ".ResponseBodyException ex)");
        w.Line("throw new " + exception + "(operation, response, string.Empty, " + (service.Error is null ? string.Empty : "null, ") + "ex.Message, ex);");
        w.Close();
        w.Line();

        // The buffer goes back to the pool once parsed: the readers copy every string they keep.
        w.Open("using (body)");
        w.Open("try");
        w.Line("return " + Runtime + ".JsonValueReader.Deserialize(body.Span, read);");
        w.Close();
        w.Line("catch (global::System.Exception ex) when (" + Runtime + ".ApiRequest.IsBodyException(ex))");
        w.Line("{");
        w.Line("    throw new " + exception + "(operation, response, body.Text(), " + (service.Error is null ? string.Empty : "null, ") + "\"the response body is not a valid \" + typeName + \": \" + ex.Message, ex);");
        w.Line("}");
        w.Close();
        w.Close();
        w.Line();

        w.Open("private async global::System.Threading.Tasks.Task<" + exception + "> CreateExceptionAsync(string operation, " + Http + ".HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken)");
        w.Line(Runtime + ".ResponseBody body;");
        w.Open("try");
        w.Line("body = await " + Runtime + ".ApiRequest.ReadPooledBodyAsync(response, _maxResponseBodyBytes, cancellationToken).ConfigureAwait(false);");
        w.Close();
        w.Open("catch (" + Runtime + ".ResponseBodyException ex)");
        w.Line("return new " + exception + "(operation, response, string.Empty, " + (service.Error is null ? string.Empty : "null, ") + "ex.Message, ex);");
        w.Close();
        w.Line();
        if (service.Error is null)
        {
            w.Open("using (body)");
            w.Line("return new " + exception + "(operation, response, body.Text(), null, null);");
            w.Close();
            w.Close();
            return;
        }

        var errorType = Q(service, service.Error.TypeName);
        w.Open("using (body)");
        w.Line(errorType + "? error = null;");
        w.Line("string? detail = null;");
        w.Open("if (body.HasContent)");
        w.Open("try");
        w.Line("error = " + Runtime + ".JsonValueReader.Deserialize(body.Span, " + errorType + ".JsonConverter.ReadValue);");
        w.Line("detail = DescribeError(error);");
        w.Close();
        w.Line("catch (global::System.Exception ex) when (" + Runtime + ".ApiRequest.IsBodyException(ex))");
        w.Line("{");
        w.Line("    // Not the documented error body (a proxy's HTML page, say): the raw body stays on the exception.");
        w.Line("}");
        w.Close();
        w.Line();
        w.Line("return new " + exception + "(operation, response, body.Text(), error, detail, null);");
        w.Close();
        w.Close();
        w.Line();

        w.Open("private static string? DescribeError(" + errorType + " error)");
        if (service.Error.MessagePath.Count == 0)
        {
            w.Line("return null;");
            w.Close();
            return;
        }

        w.Line("var parts = new global::System.Collections.Generic.List<string>();");
        var current = "error";
        var depth = 0;
        foreach (var step in service.Error.MessagePath)
        {
            var value = "v" + depth++;
            w.Open("if (" + current + "." + step.PropertyName + " is { } " + value + ")");
            current = value;
            if (step.IsArray)
            {
                var item = "v" + depth++;
                w.Open("foreach (var " + item + " in " + current + ")");
                w.Open("if (" + item + " is null)");
                w.Line("continue;");
                w.Close();
                w.Line();
                current = item;
            }
        }

        w.Open("if (" + current + ".Length > 0)");
        w.Line("parts.Add(" + current + ");");
        w.Close();
        foreach (var step in service.Error.MessagePath)
        {
            w.Close();
            if (step.IsArray)
            {
                w.Close();
            }
        }

        w.Line();
        w.Line("return parts.Count == 0 ? null : string.Join(\"; \", parts);");
        w.Close();
    }

    private static void EmitParametersType(SourceWriter w, ServiceSpec service, EndpointSpec endpoint, EmitOptions options)
    {
        var ns = service.Ns;
        w.Begin().Add("/// <summary>The query and header parameters of <see cref=\"global::").Add(ns).Add('.').Add(service.Name).Add("Client.").Add(endpoint.Name)
            .Add("Async\"/>.</summary>").End();
        w.DocRaw("<remarks>Unset (<see langword=\"null\"/>) optional parameters, and empty strings, are not sent.</remarks>");
        w.Line(EmitterHeader.GeneratedCodeAttribute);
        w.Begin().Add(options.Visibility).Add(" sealed partial class ").Add(endpoint.ParametersTypeName!).EndOpen();
        var first = true;
        foreach (var parameter in endpoint.QueryParameters)
        {
            EmitParameterProperty(w, ns, parameter, "Query parameter", ref first);
        }

        foreach (var parameter in endpoint.HeaderParameters)
        {
            EmitParameterProperty(w, ns, parameter, "Header", ref first);
        }

        w.Close();
    }

    private static void EmitParameterProperty(SourceWriter w, string ns, ParameterSpec parameter, string where, ref bool first)
    {
        if (!first)
        {
            w.Line();
        }

        first = false;
        if (parameter.Description is null)
        {
            w.Begin().Add("/// <summary>The <c>").Add(SourceWriter.Escape(parameter.WireName)).Add("</c> parameter.</summary>").End();
        }
        else
        {
            w.Doc("summary", parameter.Description);
        }

        w.Begin().Add("/// <remarks>").Add(where).Add(" <c>").Add(SourceWriter.Escape(parameter.WireName)).Add("</c>").Add(parameter.Required ? ", required" : ", optional");
        if (parameter.Example is null)
        {
            w.Add('.');
        }
        else
        {
            w.Add(". Example: <c>").Add(SourceWriter.Escape(parameter.Example.Replace("\n", " "))).Add("</c>.");
        }

        w.Add("</remarks>").End();
        TypeSyntax.AddName(w.Begin().Add("public ").Add(parameter.Required ? "required " : string.Empty), parameter.Type, ns, nullable: !parameter.Required)
            .Add(' ').Add(parameter.PropertyName).Add(" { get; init; }").End();
    }
}
