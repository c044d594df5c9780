using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <summary>
/// Emits one file per declared type: a sealed class with init properties, or an open enum struct, each with a
/// nested JSON converter of hand-rolled Utf8JsonReader/Utf8JsonWriter code (no reflection, trimming- and AOT-safe).
/// </summary>
internal static class ModelEmitter
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
        w.Begin().Add("[global::System.Text.Json.Serialization.JsonConverter(typeof(").Add(self).Add(".JsonConverter))]").End();
        w.Line(EmitterHeader.GeneratedCodeAttribute);
        w.Begin().Add(options.Visibility).Add(" sealed partial class ").Add(type.Name).EndOpen();

        foreach (var field in type.Fields)
        {
            if (field.Description is null)
            {
                w.Begin().Add("/// <summary>The <c>").Add(SourceWriter.Escape(field.JsonName)).Add("</c> property.</summary>").End();
            }
            else
            {
                w.Doc("summary", field.Description);
            }

            w.Begin().Add("/// <remarks>JSON name: <c>").Add(SourceWriter.Escape(field.JsonName)).Add("</c>")
                .Add(field.Required ? "; always present" : "; omitted when unset")
                .Add(field.Nullable ? "; may be <c>null</c>" : string.Empty);
            if (field.Example is null)
            {
                w.Add('.');
            }
            else
            {
                w.Add(". Example: <c>").Add(SourceWriter.Escape(OneLine(field.Example))).Add("</c>.");
            }

            w.Add("</remarks>").End();
            TypeSyntax.AddName(w.Begin().Add("public ").Add(field.Required ? "required " : string.Empty), field.Type, ns, nullable: !(field.Required && !field.Nullable))
                .Add(' ').Add(field.PropertyName).Add(" { get; init; }").End();
            w.Line();
        }

        w.Begin().Add("/// <summary>Reads and writes <see cref=\"").Add(self).Add("\"/> as the descriptor spells it, without reflection.</summary>").End();
        w.Begin().Add("internal sealed class JsonConverter : global::EndpointGen.Runtime.GeneratedJsonConverter<").Add(self).Add('>').EndOpen();
        foreach (var field in type.Fields)
        {
            w.Begin().Add("private static readonly global::System.Text.Json.JsonEncodedText s_").Add(field.PropertyName).Add(" = Name(").AddLiteral(field.JsonName).Add(");").End();
        }

        var required = new List<FieldSpec>();
        foreach (var field in type.Fields)
        {
            if (field.Required)
            {
                required.Add(field);
            }
        }

        if (required.Count > 0)
        {
            w.Begin().Add("private static readonly string[] s_requiredNames = { ");
            for (var i = 0; i < required.Count; i++)
            {
                w.Add(i == 0 ? string.Empty : ", ").AddLiteral(required[i].JsonName);
            }

            w.Add(" };").End();
        }

        if (type.Fields.Count > 0)
        {
            w.Line();
        }

        w.DocRaw("<summary>Creates the converter.</summary>");
        w.Line("public JsonConverter()");
        w.Line("    : base(ReadValue, WriteValue)");
        w.OpenBlock();
        w.Close();
        w.Line();
        EmitRead(w, ns, type, self, required);
        w.Line();
        EmitWrite(w, ns, type, self);
        w.Close();
        w.Close();
    }

    // One line per property: the base class (GeneratedJsonConverter) moves to the value, tells null from a value and
    // checks required properties, so the generated code names only what differs from property to property.
    private static void EmitRead(SourceWriter w, string ns, TypeSpec type, string self, List<FieldSpec> required)
    {
        w.DocRaw("<summary>Reads the object under the reader; unknown properties are skipped.</summary>");
        w.Begin().Add("internal static ").Add(self).Add(" ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)").EndOpen();
        w.Begin().Add("ExpectObject(ref reader, ").AddLiteral(type.Name).Add(");").End();
        for (var chunk = 0; chunk * 64 < required.Count; chunk++)
        {
            w.Begin().Add("var seen").Add(Number(chunk)).Add(" = 0UL;").End();
        }

        foreach (var field in type.Fields)
        {
            TypeSyntax.AddName(w.Begin(), field.Type, ns, nullable: !(field.Required && !field.Nullable && field.Type.IsValueType))
                .Add(" p_").Add(field.PropertyName).Add(" = default;").End();
        }

        w.Open("while (NextProperty(ref reader))");
        var first = true;
        var index = 0;
        foreach (var field in type.Fields)
        {
            w.Begin().Add(first ? "if (reader.ValueTextEquals(" : "else if (reader.ValueTextEquals(").AddUtf8Literal(field.JsonName).Add("))");
            first = false;
            w.Add(field.Required ? " { p_" : " p_").Add(field.PropertyName).Add(" = ");
            var strict = field.Required && !field.Nullable;
            switch (field.Type.Kind)
            {
                case TypeKind.Array:
                case TypeKind.Map:
                    w.Add(field.Type.Kind == TypeKind.Array ? (strict ? "RequiredList" : "OptionalList") : (strict ? "RequiredMap" : "OptionalMap"))
                        .Add("(ref reader, ");
                    AddReadFunction(w, field.Type.Element!, ns);
                    break;
                default:
                    AddReadFunction(w.Add(strict ? "Required" : field.Type.IsValueType ? "OptionalStruct" : "Optional").Add("(ref reader, "), field.Type, ns);
                    break;
            }

            if (strict)
            {
                w.Add(", ").AddLiteral(type.Name).Add(", ").AddLiteral(field.JsonName);
            }

            w.Add(");");
            if (field.Required)
            {
                // Bit i of seen(i / 64) is required property i.
                w.Add(" seen").Add(Number(index / 64)).Add(" |= 0x").Add(s_bits[index % 64]).Add("UL; }");
                index++;
            }

            w.End();
        }

        w.Line(first ? "SkipProperty(ref reader);" : "else SkipProperty(ref reader);");
        w.Close();
        for (var chunk = 0; chunk * 64 < required.Count; chunk++)
        {
            w.Begin().Add("CheckRequired(seen").Add(Number(chunk)).Add(", s_requiredNames, ").Add(Number(chunk * 64)).Add(", ").AddLiteral(type.Name).Add(");").End();
        }

        if (type.Fields.Count == 0)
        {
            w.Begin().Add("return new ").Add(self).Add("();").End();
        }
        else
        {
            w.Begin().Add("return new ").Add(self).End();
            w.Line("{");
            foreach (var field in type.Fields)
            {
                var bang = field.Required && !field.Nullable && !field.Type.IsValueType && field.Type.Kind != TypeKind.Json ? "!," : ",";
                w.Begin().Add("    ").Add(field.PropertyName).Add(" = p_").Add(field.PropertyName).Add(bang).End();
            }

            w.Line("};");
        }

        w.Close();
    }

    private static void EmitWrite(SourceWriter w, string ns, TypeSpec type, string self)
    {
        w.DocRaw("<summary>Writes the object; unset optional properties are omitted, never written as <c>null</c>.</summary>");
        w.Begin().Add("internal static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, ").Add(self).Add(" value)").EndOpen();
        w.Open("if (value is null)");
        w.Line("writer.WriteNullValue();");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line("writer.WriteStartObject();");
        foreach (var field in type.Fields)
        {
            var valueType = field.Type.IsValueType;
            var helper = field.Required && !field.Nullable ? (valueType ? "Write" : "WriteRequired")
                : field.Required ? (valueType ? "WriteNullableStruct" : "WriteNullable")
                : valueType ? "WriteOptionalStruct" : "WriteOptional";
            w.Begin().Add(helper).Add("(writer, s_").Add(field.PropertyName).Add(", value.").Add(field.PropertyName).Add(", ");
            AddWriteFunction(w, field.Type, ns, 0);

            if (helper == "WriteRequired")
            {
                // A required property can still hold null at run time (set with '!'): fail clearly rather than send null.
                w.Add(", ").AddLiteral(type.Name).Add(", ").AddLiteral(field.JsonName);
            }

            w.Add(");").End();
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    /// <summary>
    /// The base class's reader and writer of a primitive are <c>Read</c> and <c>Write</c> and this name
    /// (<c>ReadString</c>, <c>WriteString</c>); null for a kind that has none.
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
        TypeKind.UnixTime => "UnixTime",
        TypeKind.Json => "Json",
        _ => null,
    };

    // The reader of a property's value, appended in place: the base class's method group for a primitive, a
    // declared type's converter's ReadValue, a lambda otherwise.
    private static SourceWriter AddReadFunction(SourceWriter w, TypeRef type, string ns) =>
        PrimitiveName(type.Kind) is { } name ? w.Add("Read").Add(name) : TypeSyntax.AddReadFunction(w, type, ns);

    /// <summary>Appends a value writer as the converter spells it; collections as static lambdas, which the compiler caches.</summary>
    private static SourceWriter AddWriteFunction(SourceWriter w, TypeRef type, string ns, int depth)
    {
        if (type.Kind is TypeKind.Array or TypeKind.Map)
        {
            var level = Number(depth);
            w.Add("static (w").Add(level).Add(", v").Add(level).Add(") => ").Add(type.Kind == TypeKind.Array ? "WriteList" : "WriteMap")
                .Add("(w").Add(level).Add(", v").Add(level).Add(", ");
            return AddWriteFunction(w, type.Element!, ns, depth + 1).Add(')');
        }

        return PrimitiveName(type.Kind) is { } name ? w.Add("Write").Add(name) : TypeSyntax.AddWriteFunction(w, type, ns);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

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
        w.Begin().Add("internal sealed class JsonConverter : global::EndpointGen.Runtime.GeneratedJsonConverter<").Add(self).Add('>').EndOpen();
        w.DocRaw("<summary>Creates the converter.</summary>");
        w.Line("public JsonConverter()");
        w.Line("    : base(ReadValue, WriteValue)");
        w.OpenBlock();
        w.Close();
        w.Line();
        w.DocRaw("<summary>Reads a value; one the descriptor lists is returned as its shared instance.</summary>");
        w.Begin().Add("internal static ").Add(self).Add(" ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)").EndOpen();
        if (type.Values.Count > 0)
        {
            w.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)");
            foreach (var value in type.Values)
            {
                w.Begin().Add("if (reader.ValueTextEquals(").AddUtf8Literal(value.Value).Add(")) return ").Add(self).Add('.').Add(value.MemberName).Add(';').End();
            }

            w.Close();
            w.Line();
        }

        w.Begin().Add("return new ").Add(self).Add("(ReadString(ref reader));").End();
        w.Close();
        w.Line();
        w.DocRaw("<summary>Writes the value as a JSON string.</summary>");
        w.Begin().Add("internal static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, ").Add(self).Add(" value) => writer.WriteStringValue(value.Value);").End();
        w.Close();
        w.Close();
    }

    private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");
}
