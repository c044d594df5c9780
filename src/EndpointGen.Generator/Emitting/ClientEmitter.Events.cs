using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <content>
/// Event-stream answers (<c>response.encoding: events</c>): <c>{Name}Async</c> returns the events as an
/// <c>IAsyncEnumerable</c> and <c>{Name}WithResponseAsync</c> an <c>ApiEventStream</c> with the status and headers first.
/// Both are one call into the runner, which owns the async iterators.
/// </content>
internal static partial class ClientEmitter
{
    /// <summary>Writes the return type of an event-stream endpoint's plain or <c>...WithResponseAsync</c> method.</summary>
    private static void WriteEventsReturnType(SourceWriter w, ServiceSpec service, TypeRef data, bool withResponse)
    {
        var name = TypeSyntax.Name(data, service.Namespace);
        if (withResponse)
        {
            w.Write($"global::System.Threading.Tasks.Task<{Runtime}.ApiEventStream<{name}>> ");
        }
        else
        {
            w.Write($"global::System.Collections.Generic.IAsyncEnumerable<{Runtime}.ApiEvent<{name}>> ");
        }
    }

    /// <summary>The runner call of an event-stream endpoint's method: JSON data with its reader, or text.</summary>
    private static void WriteEventsSend(SourceWriter w, ServiceSpec service, EndpointSpec endpoint, bool withResponse)
    {
        var data = endpoint.Response.Type!;
        var suffix = withResponse ? "WithResponseAsync" : "Async";
        if (data.Kind == TypeKind.Text)
        {
            w.Write($"_runner.SendForTextEvents{suffix}({Code.Literal(endpoint.Name)}, Create{endpoint.Name}Request(");
            WriteArguments(w, endpoint);
            w.WriteLine("), cancellationToken);");
            return;
        }

        w.Write($"_runner.SendForEvents{suffix}<{TypeSyntax.Name(data, service.Namespace)}>({Code.Literal(endpoint.Name)}, Create{endpoint.Name}Request(");
        WriteArguments(w, endpoint);
        w.WriteLine($"), {Code.Literal(data.Display)}, {TypeSyntax.ReadFunction(data, service.Namespace)}, cancellationToken);");
    }

    /// <summary>The token and return documentation of an event-stream endpoint's plain method.</summary>
    private static void EmitEventsDocs(SourceWriter w, EndpointSpec endpoint)
    {
        w.WriteLine("/// <param name=\"cancellationToken\">Cancels the request and the enumeration, as a token given to <c>WithCancellation</c> does; either stops it at once and releases the response.</param>");
        var data = endpoint.Response.Type!;
        var each = data.Kind == TypeKind.Text ? "each one's data as text" : "each one's data read as " + data.Display;
        w.Doc("returns", (endpoint.Response.Description is null ? string.Empty : endpoint.Response.Description + " ")
            + "The events of the text/event-stream answer as they arrive, " + each
            + ". The request is sent when the enumeration starts, and the events can be enumerated once."
            + (data.Kind == TypeKind.Text
                ? " A non-success answer or an event larger than MaxResponseBodyBytes throws the service's exception from the enumeration; the end of the answer ends it."
                : " A non-success answer, an event larger than MaxResponseBodyBytes or data that does not match throws the service's exception from the enumeration; the end of the answer ends it."));
    }
}
