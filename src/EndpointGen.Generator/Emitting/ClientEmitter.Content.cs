using System.Collections.Generic;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <content>
/// Request and response content beyond JSON: form and multipart bodies (a <c>Write{Type}Form</c> method per object
/// type a form walks), raw <c>file</c> and <c>text</c> bodies, a JSON body under a declared media type, and
/// <c>bytes</c>, <c>text</c> and <c>stream</c> answers.
/// </content>
internal static partial class ClientEmitter
{
    /// <summary>Whether the endpoint's body or answer is anything but plain JSON, so that this file writes it.</summary>
    private static bool HasContent(EndpointSpec endpoint) =>
        endpoint.BodyEncoding != BodyEncodingSpec.Json || endpoint.Response is { Events: false, Type.IsContent: true };

    /// <summary>The <c>request.Content = ...</c> line of a body that is not plain JSON.</summary>
    private static void EmitBodyContent(SourceWriter w, ServiceSpec service, EndpointSpec endpoint, TypeRef body)
    {
        var ns = service.Namespace;
        var encoding = endpoint.BodyEncoding;
        var mediaType = new LiteralOrNull(encoding.ContentType);
        switch (encoding.Encoding)
        {
            case BodyEncoding.Form or BodyEncoding.Multipart:
                var nesting = encoding.Nesting == FormNestingStyle.Brackets ? "Brackets" : "Dots";
                var arrays = encoding.Arrays switch { FormArrayStyle.Brackets => "Brackets", FormArrayStyle.Comma => "Comma", _ => "Repeat" };
                // No local: a path parameter may take any name the generated code does not reserve already.
                var make = encoding.Encoding == BodyEncoding.Form ? "ToFormContent" : "ToMultipartContent";
                w.WriteLine($"request.Content = Write{body.Name}Form(new {Runtime}.FormBuilder({Runtime}.FormNesting.{nesting}, {Runtime}.FormArrays.{arrays}), string.Empty, body).{make}();");
                break;
            case BodyEncoding.Raw when body.Kind == TypeKind.File:
                w.WriteLine($"request.Content = {Runtime}.ApiContent.File(body, {mediaType});");
                break;
            case BodyEncoding.Raw:
                w.WriteLine($"request.Content = {Runtime}.ApiContent.Text(body, {mediaType});");
                break;
            default:
                w.WriteLine($"request.Content = {Runtime}.ApiContent.Typed({Runtime}.ApiRequest.JsonContent<{TypeSyntax.Name(body, ns)}>(body, {TypeSyntax.WriteFunction(body, ns)}), {mediaType});");
                break;
        }
    }

    /// <summary>The runner method that sends a request with a <c>bytes</c>, <c>text</c> or <c>stream</c> answer.</summary>
    private static string SendContentMethod(TypeRef response, bool withResponse) =>
        (response.Kind switch { TypeKind.Bytes => "SendForBytes", TypeKind.Stream => "SendForStream", _ => "SendForText" }) + (withResponse ? "WithResponseAsync" : "Async");

    /// <summary>The documentation of the body argument.</summary>
    private static string BodyDoc(EndpointSpec endpoint)
    {
        var encoding = endpoint.BodyEncoding;
        var sent = encoding.Encoding switch
        {
            BodyEncoding.Form => " Sent as application/x-www-form-urlencoded.",
            BodyEncoding.Multipart => " Sent as multipart/form-data: the set properties in declared order, a list as one part per element, a map as one part per entry.",
            BodyEncoding.Raw when endpoint.Body!.Kind == TypeKind.File => " Sent as it is, typed by its ContentType, else " + (encoding.ContentType ?? "application/octet-stream") + "; the caller disposes its stream after the call.",
            BodyEncoding.Raw => " Sent as " + (encoding.ContentType ?? "text/plain") + "; charset=utf-8.",
            _ when encoding.ContentType is not null => " Sent as JSON typed " + encoding.ContentType + ".",
            _ => string.Empty,
        };
        return encoding.Description is null && sent.Length == 0 ? "The request body." : (encoding.Description ?? "The request body.") + sent;
    }

    /// <summary>The documentation of what a method returns when the descriptor says nothing.</summary>
    private static string ReturnsDoc(TypeRef response) => response.Kind switch
    {
        TypeKind.Bytes => "The response body's bytes.",
        TypeKind.Text => "The response body as text, decoded by its charset (UTF-8 when it names none).",
        TypeKind.Stream => "The response body as a stream; dispose it to release the response. Reading more than MaxResponseBodyBytes from it throws the service's exception.",
        _ => "The response body.",
    };

    /// <summary>
    /// One <c>Write{Type}Form</c> method per object type that a form or multipart body walks (its nested objects too),
    /// each adding the type's set fields in declared order under its prefix.
    /// </summary>
    private static void EmitFormWriters(SourceWriter w, ServiceSpec service)
    {
        var types = new Dictionary<string, TypeSpec>(System.StringComparer.Ordinal);
        foreach (var type in service.Types)
        {
            types[type.Name] = type;
        }

        var written = new HashSet<string>(System.StringComparer.Ordinal);
        var pending = new Queue<string>();
        foreach (var endpoint in service.Endpoints)
        {
            if (endpoint.BodyEncoding.Encoding is BodyEncoding.Form or BodyEncoding.Multipart && written.Add(endpoint.Body!.Name!))
            {
                pending.Enqueue(endpoint.Body.Name!);
            }
        }

        while (pending.Count > 0)
        {
            var type = types[pending.Dequeue()];
            w.WriteLine();
            EmitFormWriter(w, service.Namespace, type);
            foreach (var field in type.Fields)
            {
                if (field.Type.Kind == TypeKind.Object && written.Add(field.Type.Name!))
                {
                    pending.Enqueue(field.Type.Name!);
                }
            }
        }
    }

    private static void EmitFormWriter(SourceWriter w, string ns, TypeSpec type)
    {
        // Named Write...Form: never the client's own name (...Client) nor an endpoint method's (...Async).
        w.OpenBlock($"private static {Runtime}.FormBuilder Write{type.Name}Form({Runtime}.FormBuilder form, string prefix, global::{ns}.{type.Name} value)");
        foreach (var field in type.Fields)
        {
            var access = "value." + field.PropertyName;
            var present = field.Required && !field.Nullable;
            var key = new FormKey(field.JsonName);
            switch (field.Type)
            {
                case { Kind: TypeKind.File }:
                    w.WriteLine($"form.AddFile({key}, {access});");
                    break;
                case { Kind: TypeKind.Array, Element.Kind: TypeKind.File }:
                    w.WriteLine($"form.AddFiles({key}, {access});");
                    break;
                case { Kind: TypeKind.Array }:
                    w.WriteLine($"form.AddList({key}, {access}, static item => {ScalarText(field.Type.Element!, true, "item")});");
                    break;
                case { Kind: TypeKind.Map }:
                    // Spread: each entry is a field of this object, named by its key under this object's prefix.
                    w.WriteLine($"form.AddMap(prefix, {access}, static item => {ScalarText(field.Type.Element!, true, "item")});");
                    break;
                case { Kind: TypeKind.Object } when present:
                    w.WriteLine($"Write{field.Type.Name}Form(form, {key}, {access});");
                    break;
                case { Kind: TypeKind.Object }:
                    w.WriteLine($$"""
                        if ({{access}} is not null)
                        {
                            Write{{field.Type.Name}}Form(form, {{key}}, {{access}});
                        }
                        """);
                    break;
                default:
                    w.WriteLine($"form.Add({key}, {ScalarText(field.Type, present, access)});");
                    break;
            }
        }

        w.WriteLine("return form;");
        w.CloseBlock();
    }

    /// <summary>A scalar as text, written by the same code as a header or query value (one format per type).</summary>
    /// <param name="type">The scalar or enum type.</param>
    /// <param name="present">Whether the value is never null (a required, non-nullable field).</param>
    /// <param name="access">The expression of the value.</param>
    private static WireText ScalarText(TypeRef type, bool present, string access) => new(type, !present, access);

    /// <summary>A string literal, or <c>null</c>.</summary>
    private readonly struct LiteralOrNull : ISourcePiece
    {
        private readonly string? _value;

        public LiteralOrNull(string? value) => _value = value;

        public void WriteTo(SourceWriter writer)
        {
            if (_value is null)
            {
                writer.Write("null");
            }
            else
            {
                Code.Literal(_value).WriteTo(writer);
            }
        }
    }

    /// <summary>The key of a field under the form writer's prefix: <c>form.Key(prefix, "name")</c>.</summary>
    private readonly struct FormKey : ISourcePiece
    {
        private readonly string _name;

        public FormKey(string name) => _name = name;

        public void WriteTo(SourceWriter writer)
        {
            writer.Write("form.Key(prefix, ");
            Code.Literal(_name).WriteTo(writer);
            writer.Put(')');
        }
    }
}
