using System.Linq;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <summary>
/// Emits one file per declared type: a sealed class with init properties, or an open enum struct, each with a
/// nested JSON converter of hand-rolled Utf8JsonReader/Utf8JsonWriter code (no reflection, trimming- and AOT-safe).
/// </summary>
internal static class ModelEmitter
{
    /// <summary>Writes one declared type into an open namespace block.</summary>
    public static void EmitBody(SourceWriter writer, ServiceSpec service, TypeSpec type, EmitOptions options)
    {
        if (type.IsEnum)
        {
            EmitEnum(writer, service, type, options);
        }
        else
        {
            EmitObject(writer, service, type, options);
        }
    }

    private static void EmitObject(SourceWriter w, ServiceSpec service, TypeSpec type, EmitOptions options)
    {
        var ns = service.Ns;
        var self = "global::" + ns + "." + type.Name;
        w.Doc("summary", type.Description ?? "The " + type.Name + " object of the " + service.Name + " API.");
        w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + self + ".JsonConverter))]");
        w.Line(EmitterHeader.GeneratedCodeAttribute);
        w.Open(options.Visibility + " sealed partial class " + type.Name);

        foreach (var field in type.Fields)
        {
            if (field.Description is null)
            {
                w.DocRaw("<summary>The <c>" + SourceWriter.Escape(field.JsonName) + "</c> property.</summary>");
            }
            else
            {
                w.Doc("summary", field.Description);
            }

            w.DocRaw("<remarks>JSON name: <c>" + SourceWriter.Escape(field.JsonName) + "</c>"
                + (field.Required ? "; always present" : "; omitted when unset")
                + (field.Nullable ? "; may be <c>null</c>" : string.Empty)
                + (field.Example is null ? "." : ". Example: <c>" + SourceWriter.Escape(OneLine(field.Example)) + "</c>.") + "</remarks>");
            var propertyType = field.Required && !field.Nullable ? TypeSyntax.Name(field.Type, ns) : TypeSyntax.NullableName(field.Type, ns);
            w.Line("public " + (field.Required ? "required " : string.Empty) + propertyType + " " + field.PropertyName + " { get; init; }");
            w.Line();
        }

        w.DocRaw("<summary>Reads and writes <see cref=\"" + self + "\"/> as the descriptor spells it, without reflection.</summary>");
        w.Open("internal sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + self + ">");
        foreach (var field in type.Fields)
        {
            w.Line("private static readonly global::System.Text.Json.JsonEncodedText s_" + field.PropertyName + " = global::System.Text.Json.JsonEncodedText.Encode(" + SourceWriter.Literal(field.JsonName) + ");");
        }

        if (type.Fields.Count > 0)
        {
            w.Line();
        }

        w.DocRaw("<inheritdoc/>");
        w.Line("public override " + self + "? Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader);");
        w.Line();
        w.DocRaw("<inheritdoc/>");
        w.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + self + " value, global::System.Text.Json.JsonSerializerOptions options) => WriteValue(writer, value);");
        w.Line();
        EmitRead(w, ns, type, self);
        w.Line();
        EmitWrite(w, ns, type, self);
        w.Close();
        w.Close();
    }

    private static void EmitRead(SourceWriter w, string ns, TypeSpec type, string self)
    {
        w.DocRaw("<summary>Reads the object under the reader; unknown properties are skipped.</summary>");
        w.Open("internal static " + self + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.Line("global::EndpointGen.Runtime.JsonValueReader.ExpectObject(ref reader, " + SourceWriter.Literal(type.Name) + ");");
        foreach (var field in type.Fields)
        {
            var localType = field.Required && !field.Nullable && field.Type.IsValueType ? TypeSyntax.Name(field.Type, ns) : TypeSyntax.NullableName(field.Type, ns);
            w.Line(localType + " p_" + field.PropertyName + " = default;");
            if (field.Required)
            {
                w.Line("bool has_" + field.PropertyName + " = false;");
            }
        }

        w.Open("while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)");
        var first = true;
        foreach (var field in type.Fields)
        {
            w.Open((first ? "if" : "else if") + " (reader.ValueTextEquals(" + SourceWriter.Utf8Literal(field.JsonName) + "))");
            first = false;
            w.Line("reader.Read();");
            var read = "p_" + field.PropertyName + " = " + TypeSyntax.ReadExpression(field.Type, ns, "reader") + ";";
            if (TypeSyntax.ReadsNull(field.Type) && !(field.Required && !field.Nullable))
            {
                w.Line(read);
            }
            else if (field.Required && !field.Nullable)
            {
                w.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)");
                w.Line("throw global::EndpointGen.Runtime.JsonValueReader.NullProperty(" + SourceWriter.Literal(type.Name) + ", " + SourceWriter.Literal(field.JsonName) + ");");
                w.Close();
                w.Line(read);
            }
            else
            {
                // A documented null, or null for an optional field, both read as "unset".
                w.Open("if (reader.TokenType != global::System.Text.Json.JsonTokenType.Null)");
                w.Line(read);
                w.Close();
            }

            if (field.Required)
            {
                w.Line("has_" + field.PropertyName + " = true;");
            }

            w.Close();
        }

        if (first)
        {
            w.Line("global::EndpointGen.Runtime.JsonValueReader.SkipProperty(ref reader);");
        }
        else
        {
            w.Open("else");
            w.Line("global::EndpointGen.Runtime.JsonValueReader.SkipProperty(ref reader);");
            w.Close();
        }

        w.Close();
        foreach (var field in type.Fields.Where(f => f.Required))
        {
            w.Open("if (!has_" + field.PropertyName + ")");
            w.Line("throw global::EndpointGen.Runtime.JsonValueReader.MissingProperty(" + SourceWriter.Literal(type.Name) + ", " + SourceWriter.Literal(field.JsonName) + ");");
            w.Close();
        }

        if (type.Fields.Count == 0)
        {
            w.Line("return new " + self + "();");
        }
        else
        {
            w.Line("return new " + self);
            w.Line("{");
            foreach (var field in type.Fields)
            {
                var bang = field.Required && !field.Nullable && !field.Type.IsValueType && field.Type.Kind != TypeKind.Json ? "!" : string.Empty;
                w.Line("    " + field.PropertyName + " = p_" + field.PropertyName + bang + ",");
            }

            w.Line("};");
        }

        w.Close();
    }

    private static void EmitWrite(SourceWriter w, string ns, TypeSpec type, string self)
    {
        w.DocRaw("<summary>Writes the object; unset optional properties are omitted, never written as <c>null</c>.</summary>");
        w.Open("internal static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, " + self + " value)");
        w.Open("if (value is null)");
        w.Line("writer.WriteNullValue();");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line("writer.WriteStartObject();");
        foreach (var field in type.Fields)
        {
            var local = "v_" + field.PropertyName;
            var name = "s_" + field.PropertyName;
            if (field.Required && !field.Nullable)
            {
                if (field.Type.IsValueType)
                {
                    w.Line("writer.WritePropertyName(" + name + ");");
                    w.Line(TypeSyntax.WriteStatement(field.Type, ns, "writer", "value." + field.PropertyName));
                }
                else
                {
                    // A required property can still hold null at run time (set with '!'): fail clearly rather than send null.
                    w.Line("var " + local + " = value." + field.PropertyName + " ?? throw global::EndpointGen.Runtime.JsonValueWriter.MissingRequired("
                        + SourceWriter.Literal(type.Name) + ", " + SourceWriter.Literal(field.JsonName) + ");");
                    w.Line("writer.WritePropertyName(" + name + ");");
                    w.Line(TypeSyntax.WriteStatement(field.Type, ns, "writer", local));
                }

                continue;
            }

            w.Open("if (value." + field.PropertyName + " is { } " + local + ")");
            w.Line("writer.WritePropertyName(" + name + ");");
            w.Line(TypeSyntax.WriteStatement(field.Type, ns, "writer", local));
            w.Close();
            if (field.Required)
            {
                w.Open("else");
                w.Line("writer.WriteNull(" + name + ");");
                w.Close();
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static void EmitEnum(SourceWriter w, ServiceSpec service, TypeSpec type, EmitOptions options)
    {
        var self = "global::" + service.Ns + "." + type.Name;
        w.Doc("summary", type.Description ?? "The " + type.Name + " values of the " + service.Name + " API.");
        w.DocRaw("<remarks>An open enum: a value the descriptor does not list is kept as it is, so a value a server adds later survives a round trip. Compare with <c>==</c>; check <see cref=\"IsKnown\"/> to tell listed values from others.</remarks>");
        w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + self + ".JsonConverter))]");
        w.Line(EmitterHeader.GeneratedCodeAttribute);
        w.Open(options.Visibility + " readonly partial struct " + type.Name + " : global::System.IEquatable<" + self + ">");
        w.Line("private readonly string? _value;");
        w.Line();
        w.DocRaw("<summary>Creates a value, listed or not.</summary>");
        w.DocRaw("<param name=\"value\">The value as it is on the wire.</param>");
        w.DocRaw("<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is <see langword=\"null\"/>.</exception>");
        w.Line("public " + type.Name + "(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.Line();
        foreach (var value in type.Values)
        {
            w.DocRaw("<summary>The value <c>" + SourceWriter.Escape(value.Value) + "</c>.</summary>");
            w.Line("public static " + self + " " + value.MemberName + " { get; } = new " + self + "(" + SourceWriter.Literal(value.Value) + ");");
            w.Line();
        }

        w.DocRaw("<summary>Every value the descriptor lists, in its order.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + self + "> KnownValues { get; } = new " + self + "[] { " + string.Join(", ", type.Values.Select(v => v.MemberName)) + " };");
        w.Line();
        w.DocRaw("<summary>The value as it is on the wire (empty for <c>default</c>).</summary>");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        w.DocRaw("<summary>Whether the value is one the descriptor lists.</summary>");
        w.Open("public bool IsKnown => Value switch");
        foreach (var value in type.Values)
        {
            w.Line(SourceWriter.Literal(value.Value) + " => true,");
        }

        w.Line("_ => false,");
        w.Close(";");
        w.Line();
        w.DocRaw("<inheritdoc/>");
        w.Line("public bool Equals(" + self + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.Line();
        w.DocRaw("<inheritdoc/>");
        w.Line("public override bool Equals(object? obj) => obj is " + self + " other && Equals(other);");
        w.Line();
        w.DocRaw("<inheritdoc/>");
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.Line();
        w.DocRaw("<summary>The value as it is on the wire.</summary>");
        w.DocRaw("<returns>The value.</returns>");
        w.Line("public override string ToString() => Value;");
        w.Line();
        w.DocRaw("<summary>Compares two values by their wire text, ordinally.</summary>");
        w.DocRaw("<param name=\"left\">The first value.</param>");
        w.DocRaw("<param name=\"right\">The second value.</param>");
        w.DocRaw("<returns>Whether they are equal.</returns>");
        w.Line("public static bool operator ==(" + self + " left, " + self + " right) => left.Equals(right);");
        w.Line();
        w.DocRaw("<summary>Compares two values by their wire text, ordinally.</summary>");
        w.DocRaw("<param name=\"left\">The first value.</param>");
        w.DocRaw("<param name=\"right\">The second value.</param>");
        w.DocRaw("<returns>Whether they differ.</returns>");
        w.Line("public static bool operator !=(" + self + " left, " + self + " right) => !left.Equals(right);");
        w.Line();
        w.DocRaw("<summary>Converts wire text into a value, listed or not.</summary>");
        w.DocRaw("<param name=\"value\">The value as it is on the wire.</param>");
        w.Line("public static implicit operator " + self + "(string value) => new " + self + "(value);");
        w.Line();
        w.DocRaw("<summary>Reads and writes <see cref=\"" + self + "\"/> as a JSON string, without reflection.</summary>");
        w.Open("internal sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + self + ">");
        w.DocRaw("<inheritdoc/>");
        w.Line("public override " + self + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader);");
        w.Line();
        w.DocRaw("<inheritdoc/>");
        w.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + self + " value, global::System.Text.Json.JsonSerializerOptions options) => WriteValue(writer, value);");
        w.Line();
        w.DocRaw("<summary>Reads a value; one the descriptor lists is returned as its shared instance.</summary>");
        w.Open("internal static " + self + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)");
        var first = true;
        foreach (var value in type.Values)
        {
            w.Open((first ? "if" : "else if") + " (reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.ValueTextEquals(" + SourceWriter.Utf8Literal(value.Value) + "))");
            w.Line("return " + value.MemberName + ";");
            w.Close();
            first = false;
        }

        w.Line();
        w.Line("return new " + self + "(global::EndpointGen.Runtime.JsonValueReader.ReadString(ref reader));");
        w.Close();
        w.Line();
        w.DocRaw("<summary>Writes the value as a JSON string.</summary>");
        w.Line("internal static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, " + self + " value) => writer.WriteStringValue(value.Value);");
        w.Close();
        w.Close();
    }

    private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");
}
