using System;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <summary>
/// The C# spelling of a <see cref="TypeRef"/>, in one place: its type name, and the functions that read and write it
/// as JSON. Each is a piece that writes itself into a <see cref="SourceWriter"/> line.
/// </summary>
internal static class TypeSyntax
{
    private const string Reader = "global::EndpointGen.Runtime.JsonValueReader";
    private const string Writer = "global::EndpointGen.Runtime.JsonValueWriter";

    /// <summary>A <c>date</c> where the compilation has <c>System.DateOnly</c> (see <see cref="SourceWriter.DateOnly"/>).</summary>
    public const string DateOnlyType = "global::System.DateOnly";

    /// <summary>A <c>DateOnly</c> as the <c>DateTime</c> the runtime's date functions take (netstandard2.0 has no DateOnly).</summary>
    public const string DateOnlyToDateTime = "ToDateTime(global::System.TimeOnly.MinValue)";

    /// <summary>The C# type, fully qualified. <c>json</c> is always a nullable <c>JsonNode?</c>: JSON null is a JSON value.</summary>
    public static TypeName Name(TypeRef type, string ns, bool nullable = false) => new(type, ns, nullable);

    /// <summary>A <c>JsonReadFunc&lt;T&gt;</c> for a client: a method group where there is one, else a static lambda.</summary>
    public static JsonReadFunction ReadFunction(TypeRef type, string ns) => new(type, ns);

    /// <summary>A <c>JsonWriteFunc&lt;T&gt;</c> for a client: a method group where there is one, else a static lambda.</summary>
    public static JsonWriteFunction WriteFunction(TypeRef type, string ns) => new(type, ns);

    /// <summary>
    /// The codec a converter's table entry takes, inside a converter derived from <c>GeneratedJsonConverter&lt;T&gt;</c>:
    /// a primitive's by its base-class name (<c>String</c>), another type's converter, <c>ListOf(...)</c> or <c>MapOf(...)</c>.
    /// </summary>
    public static JsonCodec Codec(TypeRef type, string ns) => new(type, ns);

    /// <summary>
    /// The name shared by a primitive's reader and writer in the runtime (<c>ReadString</c>, <c>WriteString</c>) and its
    /// codec in the converters' base class (<c>String</c>); <see langword="null"/> for a kind that has none.
    /// </summary>
    private static string? PrimitiveName(TypeKind kind) => kind switch
    {
        TypeKind.String => "String",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 => "Int64",
        TypeKind.Number => "Double",
        TypeKind.Boolean => "Boolean",
        TypeKind.Uuid => "Guid",
        TypeKind.DateTime => "DateTime",
        TypeKind.Date => "Date",
        TypeKind.UnixTime => "UnixTime",
        TypeKind.Json => "Json",
        _ => null,
    };

    private static string Keyword(TypeKind kind) => kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Number => "double",
        TypeKind.Boolean => "bool",
        TypeKind.Uuid => "global::System.Guid",
        TypeKind.DateTime or TypeKind.UnixTime => "global::System.DateTimeOffset",
        TypeKind.File => "global::EndpointGen.Runtime.FileContent",
        TypeKind.Bytes => "byte[]",
        TypeKind.Stream => "global::System.IO.Stream",
        TypeKind.Text => "string",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static void WriteConverter(SourceWriter w, TypeRef type, string ns, string member) =>
        w.Write($"global::{ns}.{type.Name}.JsonConverter.{member}");

    /// <summary>A type's C# name.</summary>
    internal readonly struct TypeName : ISourcePiece
    {
        private readonly TypeRef _type;
        private readonly string _ns;
        private readonly bool _nullable;

        public TypeName(TypeRef type, string ns, bool nullable)
        {
            _type = type;
            _ns = ns;
            _nullable = nullable;
        }

        public void WriteTo(SourceWriter w)
        {
            switch (_type.Kind)
            {
                case TypeKind.Array:
                    w.Write($"global::System.Collections.Generic.IReadOnlyList<{Name(_type.Element!, _ns)}>");
                    break;
                case TypeKind.Map:
                    w.Write($"global::System.Collections.Generic.IReadOnlyDictionary<string, {Name(_type.Element!, _ns)}>");
                    break;
                case TypeKind.Object or TypeKind.Enum:
                    w.Write($"global::{_ns}.{_type.Name}");
                    break;
                case TypeKind.Date:
                    w.Write(w.DateOnly ? DateOnlyType : "global::System.DateTime");
                    break;
                case TypeKind.Json:
                    // Always nullable already.
                    w.Write("global::System.Text.Json.Nodes.JsonNode?");
                    return;
                default:
                    w.Write(Keyword(_type.Kind));
                    break;
            }

            if (_nullable)
            {
                w.Put('?');
            }
        }
    }

    /// <summary>A table entry's codec.</summary>
    internal readonly struct JsonCodec : ISourcePiece
    {
        private readonly TypeRef _type;
        private readonly string _ns;

        public JsonCodec(TypeRef type, string ns)
        {
            _type = type;
            _ns = ns;
        }

        public void WriteTo(SourceWriter w)
        {
            if (_type.Kind == TypeKind.Date && w.DateOnly)
            {
                // The runtime's date is a DateTime on every target (netstandard2.0 has no DateOnly); this converts it.
                w.Write($"Codec(static (ref global::System.Text.Json.Utf8JsonReader r) => {DateOnlyType}.FromDateTime({Reader}.ReadDate(ref r)), static (w, v) => {Writer}.WriteDate(w, v.{DateOnlyToDateTime}))");
            }
            else if (PrimitiveName(_type.Kind) is { } name)
            {
                w.Write(name);
            }
            else if (_type.Kind is TypeKind.Object or TypeKind.Enum)
            {
                // An instance holds delegates to the type's static reader and writer, so two types that contain each
                // other can build their tables in either order.
                w.Write($"new global::{_ns}.{_type.Name}.JsonConverter()");
            }
            else
            {
                w.Write($"{(_type.Kind == TypeKind.Array ? "ListOf" : "MapOf")}({Codec(_type.Element!, _ns)})");
            }
        }
    }

    /// <summary>A function reading a type's JSON value under a reader.</summary>
    internal readonly struct JsonReadFunction : ISourcePiece
    {
        private readonly TypeRef _type;
        private readonly string _ns;

        public JsonReadFunction(TypeRef type, string ns)
        {
            _type = type;
            _ns = ns;
        }

        public void WriteTo(SourceWriter w)
        {
            if (_type.Kind == TypeKind.Date && w.DateOnly)
            {
                // The runtime reads a date as a DateTime on every target (netstandard2.0 has no DateOnly); this converts it.
                w.Write($"static (ref global::System.Text.Json.Utf8JsonReader r) => {DateOnlyType}.FromDateTime({Reader}.ReadDate(ref r))");
            }
            else if (PrimitiveName(_type.Kind) is { } name)
            {
                w.Write(Reader + ".Read");
                w.Write(name);
            }
            else if (_type.Kind is TypeKind.Object or TypeKind.Enum)
            {
                WriteConverter(w, _type, _ns, "ReadValue");
            }
            else
            {
                // A collection: its elements' function is named from outside any converter.
                var collection = _type.Kind == TypeKind.Array ? "ReadList" : "ReadMap";
                var element = _type.Element!;
                w.Write($"static (ref global::System.Text.Json.Utf8JsonReader r) => ({Name(_type, _ns)}){Reader}.{collection}<{Name(element, _ns)}>(ref r, {ReadFunction(element, _ns)})");
            }
        }
    }

    /// <summary>A function writing a type's JSON value with a writer.</summary>
    internal readonly struct JsonWriteFunction : ISourcePiece
    {
        private readonly TypeRef _type;
        private readonly string _ns;

        public JsonWriteFunction(TypeRef type, string ns)
        {
            _type = type;
            _ns = ns;
        }

        public void WriteTo(SourceWriter w)
        {
            if (_type.Kind == TypeKind.Date && w.DateOnly)
            {
                // The runtime writes a date from a DateTime on every target (netstandard2.0 has no DateOnly); this converts it.
                w.Write($"static (global::System.Text.Json.Utf8JsonWriter w, {DateOnlyType} v) => {Writer}.WriteDate(w, v.{DateOnlyToDateTime})");
                return;
            }

            if (PrimitiveName(_type.Kind) is { } name)
            {
                w.Write(Writer + ".Write");
                w.Write(name);
                return;
            }

            if (_type.Kind is TypeKind.Object or TypeKind.Enum)
            {
                WriteConverter(w, _type, _ns, "WriteValue");
                return;
            }

            var collection = _type.Kind == TypeKind.Array ? "WriteList" : "WriteMap";
            var element = _type.Element!;
            // A static lambda, which the compiler caches.
            w.Write($"static (global::System.Text.Json.Utf8JsonWriter w, {Name(_type, _ns)} v) => {Writer}.{collection}<{Name(element, _ns)}>(w, v, {WriteFunction(element, _ns)})");
        }
    }
}
