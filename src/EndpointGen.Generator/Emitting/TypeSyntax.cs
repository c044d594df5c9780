using System;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <summary>The C# spelling of a <see cref="TypeRef"/>: its type name, and the code that reads and writes it as JSON.</summary>
internal static class TypeSyntax
{
    private const string Reader = "global::EndpointGen.Runtime.JsonValueReader";
    private const string Writer = "global::EndpointGen.Runtime.JsonValueWriter";

    /// <summary>The C# type, fully qualified. <c>json</c> is always a nullable <c>JsonNode?</c>: JSON null is a JSON value.</summary>
    public static string Name(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Number => "double",
        TypeKind.Boolean => "bool",
        TypeKind.Uuid => "global::System.Guid",
        TypeKind.DateTime or TypeKind.UnixTime => "global::System.DateTimeOffset",
        TypeKind.Json => "global::System.Text.Json.Nodes.JsonNode?",
        TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Name(type.Element!, ns) + ">",
        TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Name(type.Element!, ns) + ">",
        TypeKind.Object or TypeKind.Enum => "global::" + ns + "." + type.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Appends <see cref="Name"/> (nullable when <paramref name="nullable"/> is set) to the open line, without building the string.</summary>
    public static SourceWriter AddName(SourceWriter w, TypeRef type, string ns, bool nullable = false)
    {
        switch (type.Kind)
        {
            case TypeKind.Array:
                AddName(w.Add("global::System.Collections.Generic.IReadOnlyList<"), type.Element!, ns).Add('>');
                break;
            case TypeKind.Map:
                AddName(w.Add("global::System.Collections.Generic.IReadOnlyDictionary<string, "), type.Element!, ns).Add('>');
                break;
            case TypeKind.Object or TypeKind.Enum:
                w.Add("global::").Add(ns).Add('.').Add(type.Name!);
                break;
            case TypeKind.Json:
                // Always nullable already.
                return w.Add("global::System.Text.Json.Nodes.JsonNode?");
            default:
                w.Add(Name(type, ns));
                break;
        }

        return nullable ? w.Add('?') : w;
    }

    /// <summary>An expression reading the value under <c>reader</c>.</summary>
    public static string ReadExpression(TypeRef type, string ns, string reader) => type.Kind switch
    {
        TypeKind.Array => Reader + ".ReadList<" + Name(type.Element!, ns) + ">(ref " + reader + ", " + ReadFunction(type.Element!, ns) + ")",
        TypeKind.Map => Reader + ".ReadMap<" + Name(type.Element!, ns) + ">(ref " + reader + ", " + ReadFunction(type.Element!, ns) + ")",
        _ => ReadFunction(type, ns) + "(ref " + reader + ")",
    };

    /// <summary>A <c>JsonReadFunc&lt;T&gt;</c>: a method group where there is one, else a static lambda.</summary>
    public static string ReadFunction(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.String => Reader + ".ReadString",
        TypeKind.Int32 => Reader + ".ReadInt32",
        TypeKind.Int64 => Reader + ".ReadInt64",
        TypeKind.Number => Reader + ".ReadDouble",
        TypeKind.Boolean => Reader + ".ReadBoolean",
        TypeKind.Uuid => Reader + ".ReadGuid",
        TypeKind.DateTime => Reader + ".ReadDateTime",
        TypeKind.UnixTime => Reader + ".ReadUnixTime",
        TypeKind.Json => Reader + ".ReadJson",
        TypeKind.Object or TypeKind.Enum => "global::" + ns + "." + type.Name + ".JsonConverter.ReadValue",
        _ => "static (ref global::System.Text.Json.Utf8JsonReader r) => (" + Name(type, ns) + ")" + ReadExpression(type, ns, "r"),
    };

    /// <summary>Appends <see cref="ReadFunction"/> to the open line; a declared type's without building the string.</summary>
    public static SourceWriter AddReadFunction(SourceWriter w, TypeRef type, string ns) =>
        type.Kind is TypeKind.Object or TypeKind.Enum ? AddConverter(w, type, ns).Add(".ReadValue") : w.Add(ReadFunction(type, ns));

    /// <summary>Appends <see cref="WriteFunction"/> to the open line; a declared type's without building the string.</summary>
    public static SourceWriter AddWriteFunction(SourceWriter w, TypeRef type, string ns) =>
        type.Kind is TypeKind.Object or TypeKind.Enum ? AddConverter(w, type, ns).Add(".WriteValue") : w.Add(WriteFunction(type, ns));

    private static SourceWriter AddConverter(SourceWriter w, TypeRef type, string ns) =>
        w.Add("global::").Add(ns).Add('.').Add(type.Name!).Add(".JsonConverter");

    /// <summary>A statement writing <paramref name="value"/> (non-null) with <c>writer</c>.</summary>
    public static string WriteStatement(TypeRef type, string ns, string writer, string value) => type.Kind switch
    {
        TypeKind.String or TypeKind.Uuid or TypeKind.DateTime => writer + ".WriteStringValue(" + value + ");",
        TypeKind.Int32 or TypeKind.Int64 => writer + ".WriteNumberValue(" + value + ");",
        TypeKind.Boolean => writer + ".WriteBooleanValue(" + value + ");",
        TypeKind.Array => Writer + ".WriteList<" + Name(type.Element!, ns) + ">(" + writer + ", " + value + ", " + WriteFunction(type.Element!, ns) + ");",
        TypeKind.Map => Writer + ".WriteMap<" + Name(type.Element!, ns) + ">(" + writer + ", " + value + ", " + WriteFunction(type.Element!, ns) + ");",
        _ => WriteFunction(type, ns) + "(" + writer + ", " + value + ");",
    };

    /// <summary>A <c>JsonWriteFunc&lt;T&gt;</c>: a method group where there is one, else a static lambda.</summary>
    public static string WriteFunction(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.String => Writer + ".WriteString",
        TypeKind.Int32 => Writer + ".WriteInt32",
        TypeKind.Int64 => Writer + ".WriteInt64",
        TypeKind.Number => Writer + ".WriteDouble",
        TypeKind.Boolean => Writer + ".WriteBoolean",
        TypeKind.Uuid => Writer + ".WriteGuid",
        TypeKind.DateTime => Writer + ".WriteDateTime",
        TypeKind.UnixTime => Writer + ".WriteUnixTime",
        TypeKind.Json => Writer + ".WriteJson",
        TypeKind.Object or TypeKind.Enum => "global::" + ns + "." + type.Name + ".JsonConverter.WriteValue",
        _ => "static (global::System.Text.Json.Utf8JsonWriter w, " + Name(type, ns) + " v) => " + WriteStatement(type, ns, "w", "v").TrimEnd(';'),
    };
}
