using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <content>
/// Success metadata and errors inside 2xx answers. Each endpoint has a plain method and a <c>...WithResponseAsync</c>
/// one that also gives the answer's status and headers; both are one line that hands the runner what a private builder
/// makes, so the request is written once. <c>IsErrorInSuccess</c> tells a 2xx body that is the service's error.
/// </content>
internal static partial class ClientEmitter
{
    /// <summary>The methods written for one endpoint, by <see cref="WriteSignature"/>.</summary>
    private enum MethodForm
    {
        /// <summary><c>{Name}Async</c>: the body, or a task.</summary>
        Plain,

        /// <summary><c>{Name}WithResponseAsync</c>: the body with the status and headers.</summary>
        WithResponse,

        /// <summary><c>Create{Name}Request</c>: the private builder of the request both send.</summary>
        Builder,

        /// <summary><c>{Name}AllAsync</c>: every item of a paged endpoint's pages.</summary>
        All,
    }

    /// <summary>Writes a method's return type and name, up to its opening parenthesis.</summary>
    private static void WriteMethodHead(SourceWriter w, ServiceSpec service, EndpointSpec endpoint, MethodForm form)
    {
        var response = endpoint.Response.Type;
        switch (form)
        {
            case MethodForm.Builder:
                w.Write($"{Http}.HttpRequestMessage Create{endpoint.Name}Request(");
                return;
            case MethodForm.Plain or MethodForm.WithResponse when endpoint.Response.Events:
                WriteEventsReturnType(w, service, response!, form == MethodForm.WithResponse);
                break;
            case MethodForm.All:
                w.Write($"{Runtime}.ApiPageable");
                WritePageTypeArguments(w, service, endpoint);
                w.Write($" {endpoint.Name}AllAsync(");
                return;
            case MethodForm.WithResponse when response is not null:
                w.Write($"global::System.Threading.Tasks.Task<{Runtime}.ApiResponse<{TypeSyntax.Name(response, service.Namespace)}>> ");
                break;
            case MethodForm.WithResponse:
                w.Write($"global::System.Threading.Tasks.Task<{Runtime}.ApiResponse> ");
                break;
            case MethodForm.Plain when response is not null:
                w.Write($"global::System.Threading.Tasks.Task<{TypeSyntax.Name(response, service.Namespace)}> ");
                break;
            default:
                w.Write("global::System.Threading.Tasks.Task ");
                break;
        }

        w.Write($"{endpoint.Name}{(form == MethodForm.WithResponse ? "WithResponse" : string.Empty)}Async(");
    }

    /// <summary>Writes the arguments the public methods pass to the builder: <see cref="WriteSignature"/>'s parameters, by name.</summary>
    private static void WriteArguments(SourceWriter w, EndpointSpec endpoint)
    {
        var separator = string.Empty;
        if (endpoint.Target?.GivenUrl == true)
        {
            w.Write("url");
            separator = ", ";
        }

        foreach (var parameter in endpoint.PathParameters)
        {
            w.Write($"{separator}{parameter.ArgumentName}");
            separator = ", ";
        }

        if (endpoint.Body is not null)
        {
            w.Write($"{separator}body");
            separator = ", ";
        }

        if (endpoint.ParametersTypeName is not null)
        {
            w.Write($"{separator}parameters");
        }
    }

    /// <summary>The interface's <c>...WithResponseAsync</c>, documented by a pointer to the plain method, whose docs say the rest.</summary>
    private static void EmitWithResponseDeclaration(SourceWriter w, ServiceSpec service, EndpointSpec endpoint)
    {
        w.WriteLine();
        w.WriteLine(endpoint.Response.Events
            ? $"/// <summary>As <see cref=\"{endpoint.Name}Async\"/>, and gives the status and headers of the answer as soon as they arrive, before its events; dispose the stream to release the response.</summary>"
            : endpoint.Response.Type is null
            ? $"/// <summary>As <see cref=\"{endpoint.Name}Async\"/>, and gives the status and headers of the answer.</summary>"
            : $"/// <summary>As <see cref=\"{endpoint.Name}Async\"/>, and gives the status and headers of the answer with its body.</summary>");
        WriteSignature(w, service, endpoint, MethodForm.WithResponse);
        w.WriteLine(";");
    }

    /// <summary>The client's two public methods of an endpoint: each sends the builder's request through the runner.</summary>
    private static void EmitSenders(SourceWriter w, ServiceSpec service, EndpointSpec endpoint)
    {
        foreach (var form in new[] { MethodForm.Plain, MethodForm.WithResponse })
        {
            w.WriteLine("/// <inheritdoc/>");
            w.Write("public ");
            WriteSignature(w, service, endpoint, form);
            w.WriteLine(" =>");
            w.Indent();
            var send = form == MethodForm.Plain ? "SendAsync" : "SendWithResponseAsync";
            if (endpoint.Response.Events)
            {
                WriteEventsSend(w, service, endpoint, form == MethodForm.WithResponse);
            }
            else if (endpoint.Response.Type is { IsContent: true } content)
            {
                w.Write($"_runner.{SendContentMethod(content, form == MethodForm.WithResponse)}({Code.Literal(endpoint.Name)}, Create{endpoint.Name}Request(");
                WriteArguments(w, endpoint);
                w.WriteLine("), cancellationToken);");
            }
            else if (endpoint.Response.Type is { Kind: TypeKind.Array, Element: { } element } list)
            {
                // The runner reads the array with the element reader: no lambda over ReadList in each method.
                w.Write($"_runner.{(form == MethodForm.Plain ? "SendListAsync" : "SendListWithResponseAsync")}<{TypeSyntax.Name(element, service.Namespace)}>({Code.Literal(endpoint.Name)}, Create{endpoint.Name}Request(");
                WriteArguments(w, endpoint);
                w.WriteLine($"), {Code.Literal(list.Display)}, {TypeSyntax.ReadFunction(element, service.Namespace)}, cancellationToken);");
            }
            else if (endpoint.Response.Type is { } response)
            {
                w.Write($"_runner.{send}<{TypeSyntax.Name(response, service.Namespace)}>({Code.Literal(endpoint.Name)}, Create{endpoint.Name}Request(");
                WriteArguments(w, endpoint);
                w.WriteLine($"), {Code.Literal(response.Display)}, {TypeSyntax.ReadFunction(response, service.Namespace)}, cancellationToken);");
            }
            else
            {
                w.Write($"_runner.{send}({Code.Literal(endpoint.Name)}, Create{endpoint.Name}Request(");
                WriteArguments(w, endpoint);
                w.WriteLine("), cancellationToken);");
            }

            w.Unindent();
            w.WriteLine();
        }
    }

    /// <summary>
    /// Whether a 2xx body read as the error type is a failure: a property pattern down the path, so an absent (null)
    /// step or value never matches. An open enum is compared by its wire value. A three-state step
    /// (<c>Optional&lt;T?&gt;</c>) ends the pattern in a variable and goes on with its value
    /// (<c>GetValueOrDefault()</c>: unset and null alike never match).
    /// </summary>
    private static void EmitIsErrorInSuccess(SourceWriter w, ErrorInSuccessSpec inSuccess, string errorType)
    {
        w.Write($"private static bool IsErrorInSuccess({errorType} error) => error is ");
        var open = 0;
        for (var i = 0; i < inSuccess.PropertyPath.Count; i++)
        {
            var step = inSuccess.PropertyPath[i];
            if (!step.IsThreeState)
            {
                w.Write($"{{ {step.PropertyName}: ");
                open++;
                continue;
            }

            w.Write($"{{ {step.PropertyName}: var step{i}");
            for (var j = 0; j <= open; j++)
            {
                w.Write(" }");
            }

            open = 0;
            w.Write($" && step{i}.GetValueOrDefault() is ");
        }

        switch (inSuccess.Kind)
        {
            case TypeKind.String:
                w.Write($"{Code.Literal(inSuccess.Value)}");
                break;
            case TypeKind.Enum:
                w.Write($"{{ Value: {Code.Literal(inSuccess.Value)} }}");
                break;
            case TypeKind.Int64:
                w.Write(inSuccess.Value + "L");
                break;
            case TypeKind.Number:
                w.Write(inSuccess.Value + "D");
                break;
            default:
                w.Write(inSuccess.Value);
                break;
        }

        for (var i = 0; i < open; i++)
        {
            w.Write(" }");
        }

        w.WriteLine(";");
    }
}
