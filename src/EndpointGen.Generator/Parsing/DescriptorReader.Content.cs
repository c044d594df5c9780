using System;
using System.Collections.Generic;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// Request and response content beyond JSON: the long form of <c>body</c> (<c>encoding: json | form | multipart</c>,
/// the form key styles, a declared <c>contentType</c>), raw <c>file</c> and <c>text</c> bodies, <c>bytes</c>,
/// <c>stream</c> and <c>text</c> responses, and where the content types (<c>file</c>, <c>bytes</c>, <c>stream</c>,
/// <c>text</c>) may appear: nowhere in JSON.
/// </content>
internal sealed partial class DescriptorReader
{
    private static readonly string[] s_bodyKeys = { "type", "encoding", "nested", "arrays", "contentType", "description" };
    private static readonly string[] s_encodings = { "json", "form", "multipart" };
    private static readonly string[] s_nestingStyles = { "dots", "brackets" };
    private static readonly string[] s_arrayStyles = { "repeat", "brackets", "comma" };

    // The type of every field as read, with where it is written, checked once every type is known (CheckFieldContent).
    private readonly List<FieldTypeUse> _fieldTypes = new();

    // The object types by C# name, once read: form and multipart bodies are checked field by field.
    private readonly Dictionary<string, TypeSpec> _objectTypes = new(StringComparer.Ordinal);

    // The object types with a field reported by CheckFieldContent: their uses are not reported again.
    private readonly HashSet<string> _badContentTypes = new(StringComparer.Ordinal);

    /// <summary>Records a field's type for <see cref="CheckFieldContent"/>.</summary>
    /// <remarks>
    /// Only a type that check can refuse is recorded: one that is or holds a content type or an object type. A field of
    /// a JSON primitive, most of them, costs no record.
    /// </remarks>
    private void RecordFieldType(string owner, string field, TypeRef? type, YamlNode? typeNode)
    {
        if (type is not null && typeNode is not null && Innermost(type) is { } inner && (inner.IsContent || inner.Kind == TypeKind.Object)
            && _declaredTypes.TryGetValue(owner, out var ownerType))
        {
            _fieldTypes.Add(new FieldTypeUse(owner, ownerType.Name!, field, type, typeNode));
        }
    }

    /// <summary>The element type at the bottom of arrays and maps, or the type itself.</summary>
    private static TypeRef Innermost(TypeRef type)
    {
        var current = type;
        while (current.Element is { } element)
        {
            current = element;
        }

        return current;
    }

    /// <summary>
    /// Once every type is read: a field may be <c>file</c> or <c>file[]</c> (its type is then a multipart body and
    /// nothing else), never <c>bytes</c>, <c>stream</c> or <c>text</c>, and never a type with file fields.
    /// </summary>
    private void CheckFieldContent(List<DeclaredType> types)
    {
        foreach (var type in types)
        {
            if (!type.Spec.IsEnum)
            {
                _objectTypes[type.Spec.Name] = type.Spec;
            }
        }

        foreach (var use in _fieldTypes)
        {
            if (use.Type.Kind == TypeKind.File || use.Type is { Kind: TypeKind.Array, Element.Kind: TypeKind.File })
            {
                continue;
            }

            if (FindContent(use.Type) is { } content)
            {
                var why = content.Kind == TypeKind.File
                    ? "; a file is a multipart field of its own, 'file' or 'file[]'"
                    : "; 'bytes' and 'stream' are response bodies and 'text' a request or response body, not JSON values";
                Report(DiagnosticDescriptors.InvalidTypeUse, use.TypeNode.Location, use.Type.Display, use.Where + why);
                _badContentTypes.Add(use.OwnerName);
            }
            else if (FindFileType(use.Type) is { } fileType)
            {
                Report(DiagnosticDescriptors.InvalidTypeUse, use.TypeNode.Location, use.Type.Display, use.Where + "; '" + fileType + "' has file fields, so it can only be a multipart body");
                _badContentTypes.Add(use.OwnerName);
            }
        }
    }

    /// <summary>The first content type (file, bytes, stream, text) in a type expression, arrays and maps included.</summary>
    private static TypeRef? FindContent(TypeRef type) => Innermost(type) is { IsContent: true } content ? content : null;

    /// <summary>The name of a type with file fields that a type expression refers to (itself, or through arrays and maps).</summary>
    private string? FindFileType(TypeRef type)
    {
        var current = Innermost(type);
        return current.Kind == TypeKind.Object && _objectTypes.TryGetValue(current.Name!, out var spec) && HasFileField(spec) && !_badContentTypes.Contains(spec.Name) ? current.Name : null;
    }

    private static bool HasFileField(TypeSpec type)
    {
        foreach (var field in type.Fields)
        {
            if (field.Type.Kind == TypeKind.File || field.Type is { Kind: TypeKind.Array, Element.Kind: TypeKind.File })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a type can be the JSON body of a response or the error body; reports why not.</summary>
    private bool IsJsonAnswer(TypeRef type, YamlNode node, string where)
    {
        if (FindContent(type) is { } content)
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, node.Location, type.Display, where + (content.Kind == TypeKind.File
                ? "; a file is sent, not answered: use 'bytes' or 'stream' for a binary answer"
                : "; 'bytes', 'stream' and 'text' are whole answers, not JSON values"));
            return false;
        }

        if (FindFileType(type) is { } fileType)
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, node.Location, type.Display, where + "; '" + fileType + "' has file fields, so it can only be a multipart body");
            return false;
        }

        return true;
    }

    /// <summary>A response type: JSON, or one of <c>bytes</c>, <c>stream</c>, <c>text</c> as the whole answer.</summary>
    private bool IsResponseType(TypeRef type, YamlNode node) =>
        type.Kind is TypeKind.Bytes or TypeKind.Stream or TypeKind.Text || IsJsonAnswer(type, node, "as a response");

    /// <summary>
    /// The body: <c>body: T</c> (JSON, or a raw body for <c>file</c> and <c>text</c>) or its long form with
    /// <c>encoding</c>, <c>nested</c>, <c>arrays</c>, <c>contentType</c> and <c>description</c>.
    /// </summary>
    private (TypeRef? Type, BodyEncodingSpec? Encoding) ReadBody(YamlNode node, string? method)
    {
        YamlNode? typeNode = node;
        YamlNode? encodingNode = null;
        YamlNode? nestedNode = null;
        YamlNode? arraysNode = null;
        YamlNode? contentTypeNode = null;
        string? description = null;
        if (node is YamlMapping map)
        {
            var keys = ReadKeys(map, "body", s_bodyKeys, s_typeRequired);
            typeNode = keys.Get("type");
            encodingNode = keys.Get("encoding");
            nestedNode = keys.Get("nested");
            arraysNode = keys.Get("arrays");
            contentTypeNode = keys.Get("contentType");
            description = OptionalText(keys.Get("description"), "description");
            if (typeNode is null)
            {
                return (null, null);
            }
        }

        var type = TypeOf(typeNode, node is YamlMapping ? "type" : "body");
        if (type is null)
        {
            return (null, null);
        }

        if (method is "GET" or "HEAD")
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, typeNode!.Location, type.Display, "as the body of a " + method + " request");
            return (null, null);
        }

        var ok = true;
        var encodingText = Choice(encodingNode, "encoding", s_encodings, ref ok);
        var nestedText = Choice(nestedNode, "nested", s_nestingStyles, ref ok);
        var arraysText = Choice(arraysNode, "arrays", s_arrayStyles, ref ok);
        var contentType = String(contentTypeNode, "contentType");
        if (!ok || (contentTypeNode is not null && contentType is null))
        {
            return (null, null);
        }

        var encoding = encodingText switch
        {
            "form" => BodyEncoding.Form,
            "multipart" => BodyEncoding.Multipart,
            null when type.Kind is TypeKind.File or TypeKind.Text => BodyEncoding.Raw,
            _ => BodyEncoding.Json,
        };

        if (nestedNode is not null && encoding != BodyEncoding.Form)
        {
            Report(DiagnosticDescriptors.InvalidValue, nestedNode.Location, "nested", "'nested' applies to 'encoding: form' only");
            ok = false;
        }

        if (arraysNode is not null && encoding is not (BodyEncoding.Form or BodyEncoding.Multipart))
        {
            Report(DiagnosticDescriptors.InvalidValue, arraysNode.Location, "arrays", "'arrays' applies to 'encoding: form' and 'encoding: multipart' only");
            ok = false;
        }

        if (contentTypeNode is not null)
        {
            if (encoding is BodyEncoding.Form or BodyEncoding.Multipart)
            {
                Report(DiagnosticDescriptors.InvalidValue, contentTypeNode.Location, "contentType", "a form or multipart body has its own content type; 'contentType' applies to json, file and text bodies");
                ok = false;
            }
            else if (!IsMediaType(contentType!))
            {
                Report(DiagnosticDescriptors.InvalidValue, contentTypeNode.Location, "contentType", $"'{contentType}' is not a media type such as 'image/png' or 'application/vnd.api+json' (type/subtype, without parameters)");
                ok = false;
            }
        }

        ok &= encoding switch
        {
            BodyEncoding.Form or BodyEncoding.Multipart => IsFormBody(type, typeNode!, encoding),
            BodyEncoding.Raw => true,
            _ => IsJsonRequestBody(type, typeNode!, encodingNode is not null),
        };

        if (!ok)
        {
            return (null, null);
        }

        var spec = new BodyEncodingSpec(
            encoding,
            nestedText == "brackets" ? FormNestingStyle.Brackets : FormNestingStyle.Dots,
            arraysText switch { "brackets" => FormArrayStyle.Brackets, "comma" => FormArrayStyle.Comma, _ => FormArrayStyle.Repeat },
            contentType,
            description);
        return (type, spec == BodyEncodingSpec.Json ? BodyEncodingSpec.Json : spec);
    }

    private bool IsJsonRequestBody(TypeRef type, YamlNode typeNode, bool explicitJson)
    {
        if (FindContent(type) is { } content)
        {
            var why = content.Kind switch
            {
                TypeKind.File when type.Kind == TypeKind.File => "; 'body: file' (without 'encoding') sends a file as the whole body, and file fields go in 'encoding: multipart'",
                TypeKind.Text when type.Kind == TypeKind.Text => "; 'body: text' (without 'encoding') sends text as the whole body",
                TypeKind.File => "; files go in a multipart body, as 'file' or 'file[]' fields",
                _ => "; 'bytes' and 'stream' are response types: a binary request body is 'file'",
            };
            Report(DiagnosticDescriptors.InvalidTypeUse, typeNode.Location, type.Display, (explicitJson ? "as a JSON body" : "as a request body") + why);
            return false;
        }

        if (FindFileType(type) is { } fileType)
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, typeNode.Location, type.Display, "as a JSON body; '" + fileType + "' has file fields: send it with 'encoding: multipart'");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Whether an object type can be sent as a form or multipart body: every field a scalar or an enum, an array or a
    /// map of them, a nested object (form only, checked the same way) or a file (multipart only).
    /// </summary>
    private bool IsFormBody(TypeRef type, YamlNode typeNode, BodyEncoding encoding)
    {
        var what = encoding == BodyEncoding.Form ? "form" : "multipart";
        if (type.Kind == TypeKind.Object && !_objectTypes.ContainsKey(type.Name!))
        {
            // A declared object type that could not be read: its own errors are reported.
            return false;
        }

        if (type.Kind != TypeKind.Object || !_objectTypes.TryGetValue(type.Name!, out var spec))
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, typeNode.Location, type.Display, "as a " + what + " body; it must be an object type declared under 'types'");
            return false;
        }

        if (UnionInFormProblem(type) is { } unionProblem)
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, typeNode.Location, type.Display, "as a " + what + " body" + unionProblem);
            return false;
        }

        var visited = new HashSet<string>(StringComparer.Ordinal) { spec.Name };
        var pending = new Queue<(TypeSpec Type, string Path)>();
        pending.Enqueue((spec, string.Empty));
        while (pending.Count > 0)
        {
            var (current, path) = pending.Dequeue();
            if (_badContentTypes.Contains(current.Name))
            {
                // One of its fields is reported already.
                return false;
            }

            foreach (var field in current.Fields)
            {
                var fieldPath = path + field.JsonName;
                var why = field.ThreeState
                    ? "; a form or multipart body has no null, so a three-state field (unset, null or a value) is for JSON bodies: send this body as JSON, or give the field 'threeState: false'"
                    : FormFieldProblem(field.Type, encoding) ?? UnionInFormProblem(field.Type);
                if (why is not null)
                {
                    Report(DiagnosticDescriptors.InvalidTypeUse, typeNode.Location, field.Type.Display, $"in a {what} body (field '{fieldPath}' of '{current.Name}'){why}");
                    return false;
                }

                if (field.Type.Kind == TypeKind.Object && visited.Add(field.Type.Name!) && _objectTypes.TryGetValue(field.Type.Name!, out var nested))
                {
                    pending.Enqueue((nested, fieldPath + "."));
                }
            }
        }

        return true;
    }

    private static string? FormFieldProblem(TypeRef type, BodyEncoding encoding)
    {
        if (IsFormScalar(type) || (type.Kind is TypeKind.Array or TypeKind.Map && IsFormScalar(type.Element!)))
        {
            // A map of scalars is spread: each entry a field of its own, named by its key (section 5.7).
            return null;
        }

        var multipart = encoding == BodyEncoding.Multipart;
        return type switch
        {
            { Kind: TypeKind.File } or { Kind: TypeKind.Array, Element.Kind: TypeKind.File } => multipart ? null : "; files need 'encoding: multipart'",
            { Kind: TypeKind.Object } => multipart ? "; a multipart part is a value or a file: nested objects need 'encoding: form' or JSON" : null,
            { Kind: TypeKind.Map } => "; a map in a " + (multipart ? "multipart" : "form") + " body writes each entry as a field named by its key, so its values must be scalars or enums, as in 'map<string>' (send a map of " + type.Element!.Display + " as JSON)",
            { Kind: TypeKind.Json } => "; form and multipart values are scalars, enums and arrays of them" + (multipart ? string.Empty : ", and nested objects") + " (a json value has no agreed form encoding: send such a body as JSON)",
            { Kind: TypeKind.UnixTime } => "; unix-time is a JSON type (declare the field as int64 or date-time for a form)",
            _ => "; form and multipart values are scalars, enums and arrays of them" + (multipart ? ", and files" : ", and nested objects"),
        };
    }

    private static bool IsFormScalar(TypeRef type) =>
        type.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Number or TypeKind.Boolean
            or TypeKind.Uuid or TypeKind.DateTime or TypeKind.Date or TypeKind.Enum;

    /// <summary>A value from a fixed list, or <see langword="null"/> when the key is absent; reports any other value.</summary>
    private string? Choice(YamlNode? node, string key, string[] allowed, ref bool ok)
    {
        if (node is null)
        {
            return null;
        }

        var text = String(node, key);
        if (text is null || Array.IndexOf(allowed, text) < 0)
        {
            if (text is not null)
            {
                Report(DiagnosticDescriptors.InvalidValue, node.Location, key, $"'{text}' is not one of {string.Join(", ", allowed)}");
            }

            ok = false;
            return null;
        }

        return text;
    }

    /// <summary>Whether text is a media type <c>type/subtype</c> of HTTP token characters, without parameters.</summary>
    private static bool IsMediaType(string text)
    {
        var slash = text.IndexOf('/');
        return slash > 0 && slash < text.Length - 1 && IsHeaderName(text.Substring(0, slash)) && IsHeaderName(text.Substring(slash + 1));
    }

    /// <summary>A field's type as read; the node gives the position only when a report needs it.</summary>
    private sealed record FieldTypeUse(string Owner, string OwnerName, string Field, TypeRef Type, YamlNode TypeNode)
    {
        /// <summary>The field as a message names it.</summary>
        public string Where => "as a field (field '" + Field + "' of '" + Owner + "')";
    }
}
