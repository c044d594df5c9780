using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <content>
/// Discriminated unions (spec/README.md 5.13): an abstract class with a nested <c>Unknown</c> for a discriminator value
/// the descriptor does not list, and a converter that finds the discriminator wherever it is in the object (on a copy of
/// the reader) and hands the reader to the variant's own converter. Each variant is an ordinary object type deriving
/// from the union; its converter's table writes the discriminator first. The union calls its variants only through their
/// <c>JsonConverter.ReadValue</c> and <c>WriteValue</c>.
/// </content>
internal static partial class ModelEmitter
{
    private const string JsonTokenType = "global::System.Text.Json.JsonTokenType";

    private static void EmitUnion(SourceWriter w, ServiceSpec service, TypeSpec type, UnionSpec union, EmitOptions options)
    {
        var ns = service.Namespace;
        var self = "global::" + ns + "." + type.Name;
        w.Doc("summary", type.Description ?? "The " + type.Name + " union of the " + service.Name + " API.");
        w.Write($"/// <remarks>A discriminated union on the JSON property <c>{Code.DocText(union.Discriminator)}</c>: ");
        for (var i = 0; i < union.Variants.Count; i++)
        {
            var variant = union.Variants[i];
            w.Write($"{(i == 0 ? string.Empty : ", ")}<see cref=\"global::{ns}.{variant.TypeName}\"/> (<c>{Code.DocText(DiscriminatorJson(union.IsBoolean, variant.Value))}</c>)");
        }

        w.WriteLine($$"""
            ; any other value reads as <see cref="{{self}}.Unknown"/>, which keeps the object as it came. Tell them apart by class: <c>value is {{type.Name}}.Unknown</c>, or a <c>switch</c> on the variants.</remarks>
            [global::System.Text.Json.Serialization.JsonConverter(typeof({{self}}.JsonConverter))]
            {{EmitterHeader.GeneratedCodeAttribute}}
            {{options.Visibility}} abstract partial class {{type.Name}}
            {
                /// <summary>Only the variants and <see cref="{{self}}.Unknown"/> derive from the union.</summary>
                private protected {{type.Name}}()
                {
                }

                /// <summary>A variant the descriptor does not list: its discriminator value and the whole object, written back as the same bytes.</summary>
                public sealed class Unknown : {{self}}
                {
                    /// <summary>Creates an unknown variant from its JSON object.</summary>
                    /// <param name="discriminator">The value of <c>{{Code.DocText(union.Discriminator)}}</c>: a string's text, or the JSON of another value (<c>true</c>, <c>7</c>).</param>
                    /// <param name="json">The whole object, the discriminator included; it is written back as it is.</param>
                    /// <exception cref="global::System.ArgumentNullException"><paramref name="discriminator"/> is <see langword="null"/>.</exception>
                    /// <exception cref="global::System.ArgumentException"><paramref name="json"/> is not a JSON object.</exception>
                    public Unknown(string discriminator, global::System.Text.Json.JsonElement json)
                    {
                        Discriminator = discriminator ?? throw new global::System.ArgumentNullException(nameof(discriminator));
                        Json = json.ValueKind == global::System.Text.Json.JsonValueKind.Object ? json.Clone() : throw new global::System.ArgumentException("An unknown variant is a JSON object.", nameof(json));
                    }

                    /// <summary>The value of <c>{{Code.DocText(union.Discriminator)}}</c>: a string's text, or the JSON of another value (<c>true</c>, <c>7</c>).</summary>
                    public string Discriminator { get; }

                    /// <summary>The whole object as it came, the discriminator included; written back as the same bytes.</summary>
                    public global::System.Text.Json.JsonElement Json { get; }
                }

                /// <summary>Reads and writes <see cref="{{self}}"/> by its discriminator, without reflection. For generated code only (public for the fakes of other assemblies).</summary>
                [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                public sealed class JsonConverter : global::EndpointGen.Runtime.GeneratedJsonConverter<{{self}}>
                {
                    /// <summary>Creates the converter.</summary>
                    public JsonConverter()
                        : base(ReadValue, WriteValue)
                    {
                    }

                    /// <summary>Reads the variant the discriminator names, wherever it is in the object; a value the descriptor does not list reads as <see cref="{{self}}.Unknown"/>.</summary>
                    public static {{self}} ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)
                    {
                        var discriminator = FindDiscriminator(reader, {{Code.Utf8Literal(union.Discriminator)}}, {{Code.Literal(type.Name)}}, {{Code.Literal(union.Discriminator)}});
            """);
        w.Indent();
        w.Indent();
        w.Indent();
        if (union.IsBoolean)
        {
            foreach (var variant in union.Variants)
            {
                var token = variant.Value == "true" ? "True" : "False";
                w.WriteLine($"if (discriminator.TokenType == {JsonTokenType}.{token}) return global::{ns}.{variant.TypeName}.JsonConverter.ReadValue(ref reader);");
            }
        }
        else
        {
            w.OpenBlock($"if (discriminator.TokenType == {JsonTokenType}.String)");
            foreach (var variant in union.Variants)
            {
                w.WriteLine($"if (discriminator.ValueTextEquals({Code.Utf8Literal(variant.Value)})) return global::{ns}.{variant.TypeName}.JsonConverter.ReadValue(ref reader);");
            }

            w.CloseBlock();
        }

        w.WriteLine();
        w.WriteLine($"return new {self}.Unknown(DiscriminatorText(ref discriminator), ReadElement(ref reader));");
        w.CloseBlock();
        w.WriteLine($$"""

            /// <summary>Writes the variant through its own converter, the discriminator first; an unknown one as the bytes it came as.</summary>
            public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, {{self}} value)
            {
                switch (value)
                {
                    case null:
                        writer.WriteNullValue();
                        return;
            """);
        w.Indent();
        w.Indent();
        foreach (var variant in union.Variants)
        {
            w.WriteLine($$"""
                case global::{{ns}}.{{variant.TypeName}} v:
                    global::{{ns}}.{{variant.TypeName}}.JsonConverter.WriteValue(writer, v);
                    return;
                """);
        }

        w.WriteLine($$"""
            case {{self}}.Unknown unknown:
                WriteElement(writer, unknown.Json);
                return;
            default:
                throw NotAVariant(value, {{Code.Literal(type.Name)}});
            """);
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>A variant's remarks: its union and the discriminator value it carries.</summary>
    private static void EmitVariantRemarks(SourceWriter w, string ns, VariantOfSpec of) =>
        w.WriteLine($"/// <remarks>A variant of <see cref=\"global::{ns}.{of.UnionName}\"/>: its JSON carries <c>\"{Code.DocText(of.Discriminator)}\": {Code.DocText(DiscriminatorJson(of.IsBoolean, of.Value))}</c>, written before its fields. Read on its own, the discriminator is not checked. Optional properties left unset are not written.</remarks>");

    /// <summary>The base class of a variant (<c> : global::Ns.Union</c>), or nothing.</summary>
    private static string VariantBase(TypeSpec type, string ns) =>
        type.VariantOf is { } of ? " : global::" + ns + "." + of.UnionName : string.Empty;

    /// <summary>A variant's converter hides the union's, which it inherits as a nested class.</summary>
    private static string ConverterModifier(TypeSpec type) => type.VariantOf is null ? string.Empty : "new ";

    /// <summary>In a variant's table, before its fields: the discriminator, which the table writes first and skips on reading.</summary>
    private static void WriteDiscriminatorEntry(SourceWriter w, TypeSpec type)
    {
        if (type.VariantOf is not { } of)
        {
            return;
        }

        w.WriteLine(",");
        if (of.IsBoolean)
        {
            w.Write($"Discriminator({Code.Literal(of.Discriminator)}, {of.Value})");
        }
        else
        {
            w.Write($"Discriminator({Code.Literal(of.Discriminator)}, {Code.Literal(of.Value)})");
        }
    }

    private static string DiscriminatorJson(bool isBoolean, string value) => isBoolean ? value : "\"" + value + "\"";
}
