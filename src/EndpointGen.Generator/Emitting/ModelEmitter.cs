using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <summary>
/// Emits one declared type: a sealed class with init properties, or an open enum sealed class, each with a nested JSON
/// converter of Utf8JsonReader/Utf8JsonWriter code (no reflection, trimming- and AOT-safe).
/// </summary>
internal static partial class ModelEmitter
{
    /// <summary>Writes one declared type into the file, after its namespace declaration.</summary>
    public static void EmitBody(SourceWriter writer, ServiceSpec service, TypeSpec type, EmitOptions options)
    {
        if (type.IsEnum)
        {
            EmitEnum(writer, service, type, options);
        }
        else if (type.Union is { } union)
        {
            EmitUnion(writer, service, type, union, options);
        }
        else
        {
            EmitObject(writer, service, type, options);
        }
    }

    private static void EmitObject(SourceWriter w, ServiceSpec service, TypeSpec type, EmitOptions options)
    {
        var ns = service.Namespace;
        var self = "global::" + ns + "." + type.Name;
        w.Doc("summary", type.Description ?? "The " + type.Name + " object of the " + service.Name + " API.");
        if (type.HasFileField)
        {
            // A multipart body only (the reader allows it nowhere else): its files have no JSON form, so it has no converter.
            EmitMultipartObject(w, service, type, options);
            return;
        }

        if (type.VariantOf is { } variantOf)
        {
            EmitVariantRemarks(w, ns, variantOf);
        }
        else
        {
            w.WriteLine("/// <remarks>Optional properties left unset are not written.</remarks>");
        }

        w.WriteLine($$"""
            [global::System.Text.Json.Serialization.JsonConverter(typeof({{self}}.JsonConverter))]
            {{EmitterHeader.GeneratedCodeAttribute}}
            {{options.Visibility}} sealed partial class {{type.Name}}{{VariantBase(type, ns)}}
            {
            """);
        w.Indent();
        foreach (var field in type.Fields)
        {
            // Required and optional show in the declaration ('required', '?'); that an unset property is left out when
            // written is said once, on the type.
            var close = MemberDoc.Open(w, field.Description);
            var presence = field.ThreeState ? ThreeStatePresence
                : !field.Nullable ? string.Empty
                : field.Required ? "; may be <c>null</c>, and is then written as <c>null</c>"
                : "; may be <c>null</c>";
            w.Write($"JSON name: <c>{Code.DocText(field.JsonName)}</c>{presence}.");
            if (field.Example is not null)
            {
                w.Write($" Example: <c>{Code.DocText(OneLine(field.Example))}</c>.");
            }

            if (field.Default is not null)
            {
                // Documentation only: the vendor's default is what the server assumes; the client never sends it.
                w.Write($" Default: <c>{Code.DocText(OneLine(field.Default))}</c>.");
            }

            MemberDoc.Close(w, close);
            // A property over a field of its own, so the converter's table reads into the field (init accessors take
            // no delegate); a required reference keeps a nullable field until it is read or set.
            var fieldName = FieldName(field);
            var bang = field.Required && !field.Nullable && !field.ThreeState && !field.Type.IsValueType && field.Type.Kind != TypeKind.Json ? "!" : string.Empty;
            if (field.ThreeState)
            {
                w.WriteLine($"public {ThreeStateName(field.Type, ns)} {field.PropertyName} {{ get => {fieldName}; init => {fieldName} = value; }}");
            }
            else
            {
                var propertyType = TypeSyntax.Name(field.Type, ns, nullable: !(field.Required && !field.Nullable));
                w.WriteLine($"public {(field.Required ? "required " : string.Empty)}{propertyType} {field.PropertyName} {{ get => {fieldName}{bang}; init => {fieldName} = value; }}");
            }

            w.WriteLine();
        }

        foreach (var field in type.Fields)
        {
            if (field.ThreeState)
            {
                w.WriteLine($"private {ThreeStateName(field.Type, ns)} {FieldName(field)};");
            }
            else
            {
                w.WriteLine($"private {TypeSyntax.Name(field.Type, ns, nullable: !(field.Required && !field.Nullable && field.Type.IsValueType))} {FieldName(field)};");
            }
        }

        if (type.Fields.Count > 0)
        {
            w.WriteLine();
        }

        EmitObjectConverter(w, ns, type, self);
        w.CloseBlock();
    }

    /// <summary>The private field behind a property: its name with a leading underscore.</summary>
    private static string FieldName(FieldSpec field) => "_" + field.PropertyName;

    // The converter is a table: one entry per property (JSON name, the field, its reader and writer, whether required);
    // the runtime's GeneratedJsonConverter<T>.Table does the reading and writing once for every type.
    private static void EmitObjectConverter(SourceWriter w, string ns, TypeSpec type, string self)
    {
        w.WriteLine($$"""
            /// <summary>Reads and writes <see cref="{{self}}"/> as the descriptor spells it, without reflection. For generated code only (public for the fakes of other assemblies).</summary>
            [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
            public {{ConverterModifier(type)}}sealed class JsonConverter : global::EndpointGen.Runtime.GeneratedJsonConverter<{{self}}>
            {
            """);
        w.Indent();
        w.Write($"private static readonly Table s_table = new({Code.Literal(type.Name)}, static () => new()");
        var required = type.Fields.Where(static field => field.Required).ToList();
        if (required.Count > 0)
        {
            // Placeholders for the required properties, which the table then reads (or reports missing).
            w.Write(" { ");
            for (var i = 0; i < required.Count; i++)
            {
                w.Write($"{(i == 0 ? string.Empty : ", ")}{required[i].PropertyName} = default!");
            }

            w.Write(" }");
        }

        w.Indent();
        WriteDiscriminatorEntry(w, type);
        foreach (var field in type.Fields)
        {
            w.WriteLine(",");
            // One generic entry per shape, its value's codec a property of the base (a primitive), another type's
            // converter or a list or map of either: no method group to convert, no overload to choose.
            var factory = field.ThreeState ? (field.Type.IsValueType ? "ThreeStateValue" : "ThreeStateRef")
                : !field.Type.IsValueType ? "Ref"
                : field.Required && !field.Nullable ? "Value"
                : "Struct";
            w.Write($"{factory}({Code.Literal(field.JsonName)}, static o => ref o.{FieldName(field)}, {TypeSyntax.Codec(field.Type, ns)}");
            if (factory != "Value" && field.Required)
            {
                w.Write(field.Nullable ? ", RequiredOrNull" : ", RequiredNotNull");
            }

            w.Write(")");
        }

        w.WriteLine(");");
        w.Unindent();
        w.WriteLine($$"""

            /// <summary>Creates the converter.</summary>
            public JsonConverter() : base(ReadValue, WriteValue) { }

            /// <summary>Reads the object under the reader; unknown properties are skipped.</summary>
            public static {{self}} ReadValue(ref global::System.Text.Json.Utf8JsonReader reader) => s_table.Read(ref reader);

            /// <summary>Writes the object; unset optional properties are omitted.</summary>
            public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, {{self}} value) => s_table.Write(writer, value);
            """);
        w.CloseBlock();
    }

    private static void EmitEnum(SourceWriter w, ServiceSpec service, TypeSpec type, EmitOptions options)
    {
        // A class, not a struct: an optional enum property is then a nullable reference, so conv.State?.Value is the
        // wire text (string?) and conv.State.Value can only mean this type's Value, never Nullable<T>.Value.
        var self = "global::" + service.Namespace + "." + type.Name;
        w.Doc("summary", type.Description ?? "The " + type.Name + " values of the " + service.Name + " API.");
        w.WriteLine($$"""
            /// <remarks>An open enum: a value the descriptor does not list is kept as it is, so a value a server adds later survives a round trip. Compare with <c>==</c> (by wire text; a listed value read from JSON is its shared instance); check <see cref="IsKnown"/> to tell listed values from others; <see cref="Value"/> is the wire text.</remarks>
            [global::System.Text.Json.Serialization.JsonConverter(typeof({{self}}.JsonConverter))]
            {{EmitterHeader.GeneratedCodeAttribute}}
            {{options.Visibility}} sealed partial class {{type.Name}} : global::System.IEquatable<{{self}}>
            {
                /// <summary>Creates a value, listed or not.</summary>
                /// <param name="value">The value as it is on the wire.</param>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
                public {{type.Name}}(string value) => Value = value ?? throw new global::System.ArgumentNullException(nameof(value));

            """);
        w.Indent();
        foreach (var value in type.Values)
        {
            w.WriteLine($$"""
                /// <summary>The value <c>{{Code.DocText(value.Value)}}</c>.</summary>
                public static {{self}} {{value.MemberName}} { get; } = new {{self}}({{Code.Literal(value.Value)}});

                """);
        }

        w.WriteLine($$"""
            /// <summary>Every value the descriptor lists, in its order.</summary>
            public static global::System.Collections.Generic.IReadOnlyList<{{self}}> KnownValues { get; } = new {{self}}[] { {{string.Join(", ", type.Values.Select(static v => v.MemberName))}} };

            /// <summary>The value as it is on the wire.</summary>
            public string Value { get; }

            /// <summary>Whether the value is one the descriptor lists.</summary>
            public bool IsKnown => Value switch
            {
            """);
        w.Indent();
        foreach (var value in type.Values)
        {
            w.WriteLine($"{Code.Literal(value.Value)} => true,");
        }

        w.WriteLine("_ => false,");
        w.CloseBlock(";");
        w.WriteLine($$"""

            /// <inheritdoc/>
            public bool Equals({{self}}? other) => other is not null && string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

            /// <inheritdoc/>
            public override bool Equals(object? obj) => Equals(obj as {{self}});

            /// <inheritdoc/>
            public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

            /// <summary>The value as it is on the wire.</summary>
            /// <returns>The value.</returns>
            public override string ToString() => Value;

            /// <summary>Compares two values by their wire text, ordinally; <see langword="null"/> equals only <see langword="null"/>.</summary>
            /// <param name="left">The first value.</param>
            /// <param name="right">The second value.</param>
            /// <returns>Whether they are equal.</returns>
            public static bool operator ==({{self}}? left, {{self}}? right) => left is null ? right is null : left.Equals(right);

            /// <summary>Compares two values by their wire text, ordinally; <see langword="null"/> equals only <see langword="null"/>.</summary>
            /// <param name="left">The first value.</param>
            /// <param name="right">The second value.</param>
            /// <returns>Whether they differ.</returns>
            public static bool operator !=({{self}}? left, {{self}}? right) => !(left == right);

            /// <summary>Converts wire text into a value, listed or not.</summary>
            /// <param name="value">The value as it is on the wire.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
            public static implicit operator {{self}}(string value) => new {{self}}(value);

            /// <summary>Reads and writes <see cref="{{self}}"/> as a JSON string, without reflection. For generated code only (public for the fakes of other assemblies).</summary>
            [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
            public sealed class JsonConverter : global::EndpointGen.Runtime.GeneratedJsonConverter<{{self}}>
            {
                private static readonly EnumTable s_table = new(KnownValues, static v => v.Value, static v => new(v));

                /// <summary>Creates the converter.</summary>
                public JsonConverter() : base(ReadValue, WriteValue) { }

                /// <summary>Reads a value; one the descriptor lists is returned as its shared instance.</summary>
                public static {{self}} ReadValue(ref global::System.Text.Json.Utf8JsonReader reader) => s_table.Read(ref reader);

                /// <summary>Writes the value as a JSON string.</summary>
                public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, {{self}} value) => s_table.Write(writer, value);
            }
            """);
        w.CloseBlock();
    }

    private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");
}
