using System.Collections.Generic;
using System.Linq;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <summary>
/// Emits <c>&lt;Service&gt;Fake</c> (with <c>EndpointGenFakes=true</c>) into <c>&lt;service namespace&gt;.Testing</c>: an
/// <c>HttpMessageHandler</c> over <c>EndpointGen.Testing.ServiceFake</c> with one typed endpoint per descriptor endpoint
/// (answers, recorded calls) and a <c>...Call</c> type per endpoint that reads a request back into the client's
/// arguments. Bodies go through the models' public <c>JsonConverter.ReadValue</c>/<c>WriteValue</c>, so the fake can live
/// in another assembly than the clients.
/// </summary>
internal static partial class FakeEmitter
{
    private const string Testing = "global::EndpointGen.Testing";

    // What the fake class and the call classes inherit or declare besides the endpoints' members.
    private static readonly string[] s_fakeMembers =
    {
        "ServiceName", "Requests", "Violations", "VerifyNoViolations", "Add", "SendAsync", "Send", "Dispose",
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    private static readonly string[] s_callMembers =
    {
        "Request", "Read", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>The hint name of a service's fake.</summary>
    public static string HintName(ServiceSpec service) => service.HintName + ".Fake.g.cs";

    /// <summary>Why the service's fake cannot be generated (a name it would need is taken), or <see langword="null"/>.</summary>
    public static string? Problem(ServiceSpec service)
    {
        var fake = service.Name + "Fake";
        if (service.Types.Any(static t => t.Name == "Testing"))
        {
            return $"the type 'Testing' would hide the namespace {service.Namespace}.Testing the fake is in";
        }

        var endpoints = new HashSet<string>(service.Endpoints.Select(static e => e.Name), System.StringComparer.Ordinal);
        foreach (var endpoint in service.Endpoints)
        {
            if (endpoint.Name == fake || s_fakeMembers.Contains(endpoint.Name))
            {
                return $"the endpoint '{endpoint.Name}' would take the place of {fake}.{endpoint.Name}, which the fake has already";
            }

            if (endpoints.Contains(endpoint.Name + "Call"))
            {
                return $"the endpoint '{endpoint.Name}Call' would meet the type {fake}.{endpoint.Name}Call, which records the calls of '{endpoint.Name}'";
            }

            var properties = CallProperties(endpoint).ToList();
            foreach (var name in properties)
            {
                if (s_callMembers.Contains(name) || name == endpoint.Name + "Call" || properties.Count(n => n == name) > 1)
                {
                    return $"the path parameter '{name}' of '{endpoint.Name}' would meet the member {endpoint.Name}Call.{name}";
                }
            }
        }

        return null;
    }

    /// <summary>The fake of one service, as a file of its own.</summary>
    public static Microsoft.CodeAnalysis.Text.SourceText Emit(ServiceSpec service, string visibility, bool dateOnly)
    {
        var w = new SourceWriter { DateOnly = dateOnly };
        EmitterHeader.Write(w, service.Namespace + ".Testing");
        var ns = service.Namespace;
        var fake = service.Name + "Fake";
        var self = "global::" + ns + ".Testing." + fake;
        w.WriteLine($$"""
            /// <summary>
            /// A fake of the {{Code.DocText(service.Name)}} API for tests: give it to the real <see cref="global::{{ns}}.{{service.Name}}Client"/> as its
            /// HttpClient's handler (<c>new HttpClient(fake)</c>, or <c>ConfigurePrimaryHttpMessageHandler(() =&gt; fake)</c> after the DI registration).
            /// Each request is checked against the descriptor, recorded typed in its endpoint's <c>Calls</c>, and answered with what the test set up.
            /// </summary>
            /// <remarks>
            /// A request the descriptor does not allow (method and path, required parameters, their types, undeclared query parameters, the
            /// content type, a JSON body the generated reader refuses) fails with <see cref="{{Testing}}.FakeRequestException"/> naming the endpoint
            /// and the rule, and is kept in <see cref="{{Testing}}.ServiceFake.Violations"/>. Form, multipart and file bodies are checked by their content
            /// type only; their bytes are in the call's <c>Request.Body</c>.
            /// </remarks>
            {{EmitterHeader.GeneratedCodeAttribute}}
            {{visibility}} sealed partial class {{fake}} : {{Testing}}.ServiceFake
            {
                /// <summary>Creates the fake: until a test sets up an answer, each endpoint answers with the descriptor's examples where they make one.</summary>
                public {{fake}}()
                    : base({{Code.Literal(service.Name)}})
                {
            """);
        w.Indent();
        w.Indent();
        foreach (var endpoint in service.Endpoints)
        {
            EmitEndpointCreation(w, service, endpoint, self);
        }

        w.Unindent();
        w.WriteLine("}");
        foreach (var endpoint in service.Endpoints)
        {
            w.WriteLine();
            w.WriteLine($"/// <summary><c>{endpoint.Method} {Code.DocText(endpoint.Path)}</c>{(endpoint.Summary is null ? "." : ": ")}{Code.DocText(OneLine(endpoint.Summary ?? string.Empty))} Set up its answers and read its calls.</summary>");
            w.WriteLine($"public {new EndpointType(service, endpoint, self)} {endpoint.Name} {{ get; }}");
        }

        foreach (var endpoint in service.Endpoints)
        {
            w.WriteLine();
            EmitCall(w, service, endpoint);
        }

        w.CloseBlock();
        return w.ToSourceText();
    }

    private static void EmitEndpointCreation(SourceWriter w, ServiceSpec service, EndpointSpec endpoint, string self)
    {
        var ns = service.Namespace;
        var given = endpoint.Target?.GivenUrl == true ? "true" : "false";
        w.WriteLine($"{endpoint.Name} = Add(new {new EndpointType(service, endpoint, self)}(");
        w.Indent();
        w.Write($"{Code.Literal(endpoint.Name)}, {Code.Literal(endpoint.Method)}, {Code.Literal(endpoint.Path)}, {given}, {new Literal(BodyMediaType(endpoint))}, {endpoint.Response.Status}, ");
        w.Write($"{endpoint.Name}Call.Read, ");
        if (service.Error is { } error)
        {
            w.Write($"{Testing}.FakeContent.Json<global::{ns}.{error.TypeName}>(global::{ns}.{error.TypeName}.JsonConverter.WriteValue)");
        }
        else
        {
            w.Write($"{Testing}.FakeContent.RawJson");
        }

        if (endpoint.Response.Type is { } response)
        {
            w.WriteLine(",");
            w.Write($"{Code.Literal(response.Display)}, ");
            switch (response.Kind)
            {
                case TypeKind.Bytes:
                    w.Write($"{Testing}.FakeContent.Bytes, null, null");
                    break;
                case TypeKind.Text:
                    w.Write($"{Testing}.FakeContent.Text, null, null");
                    break;
                case TypeKind.Stream:
                    w.Write($"{Testing}.FakeContent.Stream, null, null");
                    break;
                default:
                    w.Write($"{Testing}.FakeContent.Json<{TypeSyntax.Name(response, ns)}>({TypeSyntax.WriteFunction(response, ns)}), ");
                    if (DefaultAnswer(service, response) is { } json)
                    {
                        w.Write($"{Code.Literal(json)}, {TypeSyntax.ReadFunction(response, ns)}");
                    }
                    else
                    {
                        w.Write("null, null");
                    }

                    break;
            }
        }

        w.WriteLine("));");
        w.Unindent();
    }

    /// <summary>The media type a request body must have: <c>*</c> for a file (any), <see langword="null"/> for no body.</summary>
    private static string? BodyMediaType(EndpointSpec endpoint)
    {
        if (endpoint.Body is null)
        {
            return null;
        }

        var encoding = endpoint.BodyEncoding;
        return encoding.Encoding switch
        {
            BodyEncoding.Form => "application/x-www-form-urlencoded",
            BodyEncoding.Multipart => "multipart/form-data",
            BodyEncoding.Raw when endpoint.Body.Kind == TypeKind.File => "*",
            BodyEncoding.Raw => (encoding.ContentType ?? "text/plain").ToLowerInvariant(),
            _ => (encoding.ContentType ?? "application/json").ToLowerInvariant(),
        };
    }

    /// <summary>The C# names of a call's own properties: the URL, the path arguments, the parameters and the body.</summary>
    private static IEnumerable<string> CallProperties(EndpointSpec endpoint)
    {
        if (endpoint.Target?.GivenUrl == true)
        {
            yield return "Url";
        }

        foreach (var parameter in endpoint.PathParameters)
        {
            yield return parameter.PropertyName;
        }

        if (endpoint.ParametersTypeName is not null)
        {
            yield return "Parameters";
        }

        if (HasTypedBody(endpoint))
        {
            yield return "Body";
        }
    }

    /// <summary>Whether the call carries its body typed: JSON, text and file bodies (form and multipart ones are in <c>Request.Body</c>).</summary>
    private static bool HasTypedBody(EndpointSpec endpoint) =>
        endpoint.Body is not null && endpoint.BodyEncoding.Encoding is BodyEncoding.Json or BodyEncoding.Raw;

    private static void EmitCall(SourceWriter w, ServiceSpec service, EndpointSpec endpoint)
    {
        var ns = service.Namespace;
        var call = endpoint.Name + "Call";
        w.WriteLine($$"""
            /// <summary>A call of <see cref="{{endpoint.Name}}"/>, its arguments typed as the client's <c>{{endpoint.Name}}Async</c> takes them.</summary>
            public sealed class {{call}} : {{Testing}}.FakeCall
            {
                private {{call}}({{Testing}}.FakeRequest request)
                    : base(request)
                {
                }

            """);
        w.Indent();
        if (endpoint.Target?.GivenUrl == true)
        {
            w.WriteLine("""
                /// <summary>The URL the caller gave.</summary>
                public global::System.Uri Url => Request.Uri;

                """);
        }

        foreach (var parameter in endpoint.PathParameters)
        {
            w.WriteLine($"/// <summary>The <c>{Code.DocText(parameter.WireName)}</c> path argument.</summary>");
            w.WriteLine($"public {TypeSyntax.Name(parameter.Type, ns)} {parameter.PropertyName} {{ get; private set; }}{NullForgiving(parameter.Type)}");
            w.WriteLine();
        }

        if (endpoint.ParametersTypeName is not null)
        {
            w.WriteLine($$"""
                /// <summary>The query and header parameters, as the client's <see cref="global::{{ns}}.{{endpoint.ParametersTypeName}}"/>.</summary>
                public global::{{ns}}.{{endpoint.ParametersTypeName}} Parameters { get; private set; } = null!;

                """);
        }

        if (HasTypedBody(endpoint))
        {
            var bodyType = endpoint.BodyEncoding.Encoding == BodyEncoding.Raw && endpoint.Body!.Kind == TypeKind.File ? "the file, with the content type it was sent with" : "read by the generated reader";
            w.WriteLine($"/// <summary>The request body, {bodyType}.</summary>");
            w.WriteLine($"public {TypeSyntax.Name(endpoint.Body!, ns)} Body {{ get; private set; }}{NullForgiving(endpoint.Body!)}");
            w.WriteLine();
        }

        w.WriteLine($$"""
            /// <summary>Reads a request back into the call, noting every rule of the descriptor it breaks.</summary>
            internal static {{call}} Read({{Testing}}.FakeRequestReader reader) => new {{call}}(reader.Request)
            {
            """);
        w.Indent();
        foreach (var parameter in endpoint.PathParameters)
        {
            w.WriteLine($"{parameter.PropertyName} = reader.Path({Code.Literal(parameter.WireName)}, {new Parse(parameter.Type, ns)}, {Code.Literal(parameter.Type.Display)}),");
        }

        if (endpoint.ParametersTypeName is not null)
        {
            w.WriteLine($"Parameters = new global::{ns}.{endpoint.ParametersTypeName}");
            w.WriteLine("{");
            w.Indent();
            foreach (var parameter in endpoint.QueryParameters)
            {
                EmitParameterRead(w, ns, parameter, false);
            }

            foreach (var parameter in endpoint.HeaderParameters)
            {
                EmitParameterRead(w, ns, parameter, true);
            }

            w.Unindent();
            w.WriteLine("},");
        }

        if (HasTypedBody(endpoint))
        {
            var body = endpoint.Body!;
            if (endpoint.BodyEncoding.Encoding == BodyEncoding.Raw)
            {
                w.WriteLine(body.Kind == TypeKind.File ? "Body = reader.FileBody()," : "Body = reader.TextBody(),");
            }
            else
            {
                w.WriteLine($"Body = reader.JsonBody({TypeSyntax.ReadFunction(body, ns)}, {Code.Literal(body.Display)}),");
            }
        }

        w.Unindent();
        w.WriteLine("};");
        w.CloseBlock();
    }

    private static void EmitParameterRead(SourceWriter w, string ns, ParameterSpec parameter, bool header)
    {
        var required = parameter.Required ? "true" : "false";
        var name = Code.Literal(parameter.WireName);
        if (parameter.Type.Kind == TypeKind.Array)
        {
            var element = parameter.Type.Element!;
            var style = parameter.Style switch { ListStyle.Brackets => "Brackets", ListStyle.Comma => "Comma", _ => "Repeat" };
            if (header)
            {
                w.Write($"{parameter.PropertyName} = reader.HeaderList({name}, {required}, ");
            }
            else
            {
                w.Write($"{parameter.PropertyName} = reader.QueryList({name}, {Testing}.FakeListStyle.{style}, {required}, ");
            }

            w.WriteLine($"{new Parse(element, ns)}, {Code.Literal(element.Display)}){(parameter.Required ? "!" : string.Empty)},");
            return;
        }

        var method = (header ? "Header" : "Query") + (parameter.Type.IsValueType ? "Struct" : string.Empty);
        var tail = !parameter.Required ? string.Empty : parameter.Type.IsValueType ? ".GetValueOrDefault()" : "!";
        w.WriteLine($"{parameter.PropertyName} = reader.{method}({name}, {required}, {new Parse(parameter.Type, ns)}, {Code.Literal(parameter.Type.Display)}){tail},");
    }

    /// <summary>The initializer a non-nullable reference property needs (it is set by <c>Read</c>).</summary>
    private static string NullForgiving(TypeRef type) => type.IsValueType || type.Kind == TypeKind.Json ? string.Empty : " = null!;";

    private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");

    /// <summary>The type of an endpoint's property: <c>FakeEndpoint&lt;TCall, TError&gt;</c>, with <c>TResponse</c> when it has a body.</summary>
    private readonly struct EndpointType : ISourcePiece
    {
        private readonly ServiceSpec _service;
        private readonly EndpointSpec _endpoint;
        private readonly string _self;

        public EndpointType(ServiceSpec service, EndpointSpec endpoint, string self)
        {
            _service = service;
            _endpoint = endpoint;
            _self = self;
        }

        public void WriteTo(SourceWriter w)
        {
            var ns = _service.Namespace;
            w.Write($"{Testing}.FakeEndpoint<{_self}.{_endpoint.Name}Call, ");
            if (_endpoint.Response.Type is { } response)
            {
                w.Write($"{TypeSyntax.Name(response, ns)}, ");
            }

            w.Write(_service.Error is { } error ? "global::" + ns + "." + error.TypeName : "string");
            w.Put('>');
        }
    }

    /// <summary>The function reading a scalar parameter's value from its text.</summary>
    private readonly struct Parse : ISourcePiece
    {
        private readonly TypeRef _type;
        private readonly string _ns;

        public Parse(TypeRef type, string ns)
        {
            _type = type;
            _ns = ns;
        }

        public void WriteTo(SourceWriter w)
        {
            switch (_type.Kind)
            {
                case TypeKind.Enum:
                    w.Write($"static text => new global::{_ns}.{_type.Name}(text)");
                    break;
                case TypeKind.Date when w.DateOnly:
                    w.Write($"static text => {TypeSyntax.DateOnlyType}.FromDateTime({Testing}.FakeText.Date(text))");
                    break;
                default:
                    var name = _type.Kind switch
                    {
                        TypeKind.Int32 => "Int32",
                        TypeKind.Int64 => "Int64",
                        TypeKind.Number => "Double",
                        TypeKind.Boolean => "Boolean",
                        TypeKind.Uuid => "Guid",
                        TypeKind.DateTime => "DateTime",
                        TypeKind.UnixTime => "UnixTime",
                        TypeKind.Date => "Date",
                        _ => "String",
                    };
                    w.Write($"{Testing}.FakeText.{name}");
                    break;
            }
        }
    }

    /// <summary>A string literal, or <c>null</c>.</summary>
    private readonly struct Literal : ISourcePiece
    {
        private readonly string? _value;

        public Literal(string? value) => _value = value;

        public void WriteTo(SourceWriter w)
        {
            if (_value is null)
            {
                w.Write("null");
            }
            else
            {
                Code.Literal(_value).WriteTo(w);
            }
        }
    }
}
