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
    // The bit of each required property, in hexadecimal, made once.
    private static readonly string[] s_bits = Enumerable.Range(0, 64).Select(static i => (1UL << i).ToString("X", CultureInfo.InvariantCulture)).ToArray();

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

        w.WriteLine($$"""
            [global::System.Text.Json.Serialization.JsonConverter(typeof({{self}}.JsonConverter))]
            {{EmitterHeader.GeneratedCodeAttribute}}
            {{options.Visibility}} sealed partial class {{type.Name}}{{VariantBase(type, ns)}}
            {
            """);
        w.Indent();
        foreach (var field in type.Fields)
        {
            if (field.Description is null)
            {
                w.WriteLine($"/// <summary>The <c>{Code.DocText(field.JsonName)}</c> property.</summary>");
            }
            else
            {
                w.Doc("summary", field.Description);
            }

            var presence = field.ThreeState ? ThreeStatePresence
                : (field.Required ? "; always present" : "; omitted when unset") + (field.Nullable ? "; may be <c>null</c>" : string.Empty);
            w.Write($"/// <remarks>JSON name: <c>{Code.DocText(field.JsonName)}</c>{presence}");
            if (field.Example is null)
            {
                w.Write(".");
            }
            else
            {
                w.Write($". Example: <c>{Code.DocText(OneLine(field.Example))}</c>.");
            }

            if (field.Default is not null)
            {
                // Documentation only: the vendor's default is what the server assumes; the client never sends it.
                w.Write($" Default: <c>{Code.DocText(OneLine(field.Default))}</c>.");
            }

            w.WriteLine("</remarks>");
            if (field.ThreeState)
            {
                w.WriteLine($"public {ThreeStateName(field.Type, ns)} {field.PropertyName} {{ get; init; }}");
            }
            else
            {
                var propertyType = TypeSyntax.Name(field.Type, ns, nullable: !(field.Required && !field.Nullable));
                w.WriteLine($"public {(field.Required ? "required " : string.Empty)}{propertyType} {field.PropertyName} {{ get; init; }}");
            }

            w.WriteLine();
        }

        w.WriteLine($$"""
            /// <summary>Reads and writes <see cref="{{self}}"/> as the descriptor spells it, without reflection. For generated code only (public for the fakes of other assemblies).</summary>
            [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
            public {{ConverterModifier(type)}}sealed class JsonConverter : global::EndpointGen.Runtime.GeneratedJsonConverter<{{self}}>
            {
            """);
        w.Indent();
        foreach (var field in type.Fields)
        {
            w.WriteLine($"private static readonly global::System.Text.Json.JsonEncodedText s_{field.PropertyName} = Name({Code.Literal(field.JsonName)});");
        }

        var required = type.Fields.Where(static field => field.Required).ToList();
        if (required.Count > 0)
        {
            w.Write("private static readonly string[] s_requiredNames = { ");
            for (var i = 0; i < required.Count; i++)
            {
                w.Write($"{(i == 0 ? string.Empty : ", ")}{Code.Literal(required[i].JsonName)}");
            }

            w.WriteLine(" };");
        }

        if (type.Fields.Count > 0)
        {
            w.WriteLine();
        }

        w.WriteLine("""
            /// <summary>Creates the converter.</summary>
            public JsonConverter()
                : base(ReadValue, WriteValue)
            {
            }

            """);
        EmitRead(w, ns, type, self, required);
        w.WriteLine();
        EmitWrite(w, ns, type, self);
        w.CloseBlock();
        w.CloseBlock();
    }

    // One line per property: the base class (GeneratedJsonConverter) moves to the value, tells null from a value and
    // checks required properties, so the generated code names only what differs from property to property.
    private static void EmitRead(SourceWriter w, string ns, TypeSpec type, string self, List<FieldSpec> required)
    {
        w.WriteLine($$"""
            /// <summary>Reads the object under the reader; unknown properties are skipped.</summary>
            public static {{self}} ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)
            {
                ExpectObject(ref reader, {{Code.Literal(type.Name)}});
            """);
        w.Indent();
        for (var chunk = 0; chunk * 64 < required.Count; chunk++)
        {
            w.WriteLine($"var seen{chunk} = 0UL;");
        }

        foreach (var field in type.Fields)
        {
            if (field.ThreeState)
            {
                w.WriteLine($"{ThreeStateName(field.Type, ns)} p_{field.PropertyName} = default;");
            }
            else
            {
                w.WriteLine($"{TypeSyntax.Name(field.Type, ns, nullable: !(field.Required && !field.Nullable && field.Type.IsValueType))} p_{field.PropertyName} = default;");
            }
        }

        w.OpenBlock("while (NextProperty(ref reader))");
        var index = 0;
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            var strict = field.Required && !field.Nullable;
            w.Write($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({Code.Utf8Literal(field.JsonName)})){(field.Required ? " { p_" : " p_")}{field.PropertyName} = ");
            if (field.ThreeState)
            {
                WriteThreeStateRead(w, ns, field.Type);
            }
            else if (field.Type.Kind is TypeKind.Array or TypeKind.Map)
            {
                var helper = field.Type.Kind == TypeKind.Array ? (strict ? "RequiredList" : "OptionalList") : (strict ? "RequiredMap" : "OptionalMap");
                w.Write($"{helper}(ref reader, {TypeSyntax.ReadFunction(field.Type.Element!, ns, JsonScope.Converter)}");
            }
            else
            {
                var helper = strict ? "Required" : field.Type.IsValueType ? "OptionalStruct" : "Optional";
                w.Write($"{helper}(ref reader, {TypeSyntax.ReadFunction(field.Type, ns, JsonScope.Converter)}");
            }

            if (strict)
            {
                w.Write($", {Code.Literal(type.Name)}, {Code.Literal(field.JsonName)}");
            }

            w.Write(");");
            if (field.Required)
            {
                // Bit i of seen(i / 64) is required property i.
                w.Write($" seen{index / 64} |= 0x{s_bits[index % 64]}UL; }}");
                index++;
            }

            w.WriteLine();
        }

        w.WriteLine(type.Fields.Count == 0 ? "SkipProperty(ref reader);" : "else SkipProperty(ref reader);");
        w.CloseBlock();
        for (var chunk = 0; chunk * 64 < required.Count; chunk++)
        {
            w.WriteLine($"CheckRequired(seen{chunk}, s_requiredNames, {chunk * 64}, {Code.Literal(type.Name)});");
        }

        if (type.Fields.Count == 0)
        {
            w.WriteLine($"return new {self}();");
        }
        else
        {
            w.WriteLine($"return new {self}");
            w.WriteLine("{");
            foreach (var field in type.Fields)
            {
                var bang = field.Required && !field.Nullable && !field.Type.IsValueType && field.Type.Kind != TypeKind.Json ? "!," : ",";
                w.WriteLine($"    {field.PropertyName} = p_{field.PropertyName}{bang}");
            }

            w.WriteLine("};");
        }

        w.CloseBlock();
    }

    private static void EmitWrite(SourceWriter w, string ns, TypeSpec type, string self)
    {
        var threeState = type.Fields.Any(static field => field.ThreeState) ? " (a three-state one set to <see langword=\"null\"/> is written as <c>null</c>)" : string.Empty;
        w.WriteLine($$"""
            /// <summary>Writes the object; unset optional properties are omitted, never written as <c>null</c>{{threeState}}.</summary>
            public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, {{self}} value)
            {
                if (value is null)
                {
                    writer.WriteNullValue();
                    return;
                }

                writer.WriteStartObject();
            """);
        w.Indent();
        WriteDiscriminator(w, type);
        foreach (var field in type.Fields)
        {
            var valueType = field.Type.IsValueType;
            var helper = field.ThreeState ? (valueType ? "WriteThreeStateStruct" : "WriteThreeState")
                : field.Required && !field.Nullable ? (valueType ? "Write" : "WriteRequired")
                : field.Required ? (valueType ? "WriteNullableStruct" : "WriteNullable")
                : valueType ? "WriteOptionalStruct" : "WriteOptional";
            w.Write($"{helper}(writer, s_{field.PropertyName}, value.{field.PropertyName}, {TypeSyntax.WriteFunction(field.Type, ns, JsonScope.Converter)}");
            if (helper == "WriteRequired")
            {
                // A required property can still hold null at run time (set with '!'): fail clearly rather than send null.
                w.Write($", {Code.Literal(type.Name)}, {Code.Literal(field.JsonName)}");
            }

            w.WriteLine(");");
        }

        w.WriteLine("writer.WriteEndObject();");
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
                /// <summary>Creates the converter.</summary>
                public JsonConverter()
                    : base(ReadValue, WriteValue)
                {
                }

                /// <summary>Reads a value; one the descriptor lists is returned as its shared instance.</summary>
                public static {{self}} ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)
                {
            """);
        w.Indent();
        w.Indent();
        if (type.Values.Count > 0)
        {
            w.OpenBlock("if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)");
            foreach (var value in type.Values)
            {
                w.WriteLine($"if (reader.ValueTextEquals({Code.Utf8Literal(value.Value)})) return {self}.{value.MemberName};");
            }

            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine($"return new {self}(ReadString(ref reader));");
        w.CloseBlock();
        w.WriteLine($$"""

            /// <summary>Writes the value as a JSON string.</summary>
            public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, {{self}} value)
            {
                if (value is null)
                {
                    writer.WriteNullValue();
                    return;
                }

                writer.WriteStringValue(value.Value);
            }
            """);
        w.CloseBlock();
        w.CloseBlock();
    }

    private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");
}
