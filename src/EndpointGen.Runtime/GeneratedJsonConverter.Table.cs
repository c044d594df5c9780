using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EndpointGen.Runtime;

/// <content>
/// Converters driven by a table: a generated object type lists, once, each property's JSON name, a reference to the
/// field behind it, its value reader and writer, and whether it is required; <see cref="Table"/> reads and writes every
/// object from that list. The reading, null handling, required checking, skipping of unknown properties and omission
/// of unset ones live here once instead of being spelled out per property in every generated file, which keeps the
/// consumer's build fast. No reflection: every access goes through the generated delegates.
/// </content>
public abstract partial class GeneratedJsonConverter<T>
{
    /// <summary>A required property: always present, never <c>null</c>.</summary>
    protected const int RequiredNotNull = 1;

    /// <summary>A required property that may be <c>null</c>: always present, and written as <c>null</c> when it is.</summary>
    protected const int RequiredOrNull = 2;

    /// <summary>Returns a reference to the field behind a property of an object being read or written.</summary>
    /// <typeparam name="TField">The field's type.</typeparam>
    /// <param name="owner">The object.</param>
    /// <returns>The field.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected delegate ref TField FieldRef<TField>(T owner);

    /// <summary>A property of a reference type: a string, any JSON, an object, an enum, an array or a map.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="name">The JSON name.</param>
    /// <param name="field">The field behind the property.</param>
    /// <param name="codec">Reads and writes the value.</param>
    /// <param name="flags">0 (optional: <c>null</c> reads as unset, unset is omitted), <see cref="RequiredNotNull"/> or <see cref="RequiredOrNull"/>.</param>
    /// <returns>The table entry.</returns>
    protected static Property Ref<TValue>(string name, FieldRef<TValue?> field, IJsonCodec<TValue> codec, int flags = 0)
        where TValue : class? => new RefProperty<TValue>(name, flags, field, codec);

    /// <summary>An optional property of a value type, or a required one that may be <c>null</c>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="name">The JSON name.</param>
    /// <param name="field">The field behind the property.</param>
    /// <param name="codec">Reads and writes the value.</param>
    /// <param name="flags">0 or <see cref="RequiredOrNull"/>.</param>
    /// <returns>The table entry.</returns>
    protected static Property Struct<TValue>(string name, FieldRef<TValue?> field, IJsonCodec<TValue> codec, int flags = 0)
        where TValue : struct => new StructProperty<TValue>(name, flags, field, codec);

    /// <summary>A required property of a value type that must not be <c>null</c>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="name">The JSON name.</param>
    /// <param name="field">The field behind the property.</param>
    /// <param name="codec">Reads and writes the value.</param>
    /// <returns>The table entry.</returns>
    protected static Property Value<TValue>(string name, FieldRef<TValue> field, IJsonCodec<TValue> codec)
        where TValue : struct => new ValueProperty<TValue>(name, field, codec);

    /// <summary>A three-state property of a reference type: absent is unset, <c>null</c> a set <see langword="null"/>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="name">The JSON name.</param>
    /// <param name="field">The field behind the property.</param>
    /// <param name="codec">Reads and writes the value.</param>
    /// <returns>The table entry.</returns>
    protected static Property ThreeStateRef<TValue>(string name, FieldRef<Optional<TValue?>> field, IJsonCodec<TValue> codec)
        where TValue : class? => new ThreeStateRefProperty<TValue>(name, field, codec);

    /// <summary>A three-state property of a value type: absent is unset, <c>null</c> a set <see langword="null"/>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="name">The JSON name.</param>
    /// <param name="field">The field behind the property.</param>
    /// <param name="codec">Reads and writes the value.</param>
    /// <returns>The table entry.</returns>
    protected static Property ThreeStateValue<TValue>(string name, FieldRef<Optional<TValue?>> field, IJsonCodec<TValue> codec)
        where TValue : struct => new ThreeStateStructProperty<TValue>(name, field, codec);

    /// <summary>A union variant's discriminator with a string value: written before the fields, skipped on reading (read on its own, a variant does not check it).</summary>
    /// <param name="name">The discriminator's JSON name.</param>
    /// <param name="value">The variant's value.</param>
    /// <returns>The table entry, which goes first.</returns>
    protected static Property Discriminator(string name, string value) => new DiscriminatorProperty(name, JsonEncodedText.Encode(value ?? throw new ArgumentNullException(nameof(value))), null);

    /// <summary>A union variant's discriminator with a boolean value: written before the fields, skipped on reading.</summary>
    /// <param name="name">The discriminator's JSON name.</param>
    /// <param name="value">The variant's value.</param>
    /// <returns>The table entry, which goes first.</returns>
    protected static Property Discriminator(string name, bool value) => new DiscriminatorProperty(name, default, value);

    // ---- codecs: what a table entry reads and writes its value with ----------------------------------
    // Properties, not method groups: binding a property is a member lookup, where converting a method group to a
    // delegate is an overload resolution per argument, the largest part of the consumer's compile of a table.

    /// <summary>A JSON string.</summary>
    protected static IJsonCodec<string> String => PrimitiveCodecs.Instance;

    /// <summary>An <c>int32</c>.</summary>
    protected static IJsonCodec<int> Int32 => PrimitiveCodecs.Instance;

    /// <summary>An <c>int64</c>.</summary>
    protected static IJsonCodec<long> Int64 => PrimitiveCodecs.Instance;

    /// <summary>A <c>number</c>.</summary>
    protected static IJsonCodec<double> Double => PrimitiveCodecs.Instance;

    /// <summary>A <c>boolean</c>.</summary>
    protected static IJsonCodec<bool> Boolean => PrimitiveCodecs.Instance;

    /// <summary>A <c>uuid</c>.</summary>
    protected static IJsonCodec<Guid> Guid => PrimitiveCodecs.Instance;

    /// <summary>A <c>date-time</c>.</summary>
    protected static IJsonCodec<DateTimeOffset> DateTime => PrimitiveCodecs.Instance;

    /// <summary>A <c>date</c> as a <see cref="System.DateTime"/> at midnight (see <see cref="JsonValueReader.ReadDate"/>).</summary>
    protected static IJsonCodec<System.DateTime> Date => PrimitiveCodecs.Instance;

    /// <summary>A <c>unix-time</c>.</summary>
    protected static IJsonCodec<DateTimeOffset> UnixTime => UnixTimeCodec.Instance;

    /// <summary>Any JSON value; JSON <c>null</c> reads as <see langword="null"/>.</summary>
    protected static IJsonCodec<JsonNode?> Json => PrimitiveCodecs.Instance;

    /// <summary>A JSON array of one element type.</summary>
    /// <typeparam name="TItem">The element type.</typeparam>
    /// <param name="item">Reads and writes an element.</param>
    /// <returns>The codec.</returns>
    protected static IJsonCodec<IReadOnlyList<TItem>> ListOf<TItem>(IJsonCodec<TItem> item) => new ListCodec<TItem>(item);

    /// <summary>A JSON object of one value type (a map).</summary>
    /// <typeparam name="TItem">The value type.</typeparam>
    /// <param name="item">Reads and writes a value.</param>
    /// <returns>The codec.</returns>
    protected static IJsonCodec<IReadOnlyDictionary<string, TItem>> MapOf<TItem>(IJsonCodec<TItem> item) => new MapCodec<TItem>(item);

    /// <summary>A codec over a reader and a writer, for a value the runtime has no codec for (a <c>DateOnly</c>).</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="read">The value reader.</param>
    /// <param name="write">The value writer.</param>
    /// <returns>The codec.</returns>
    protected static IJsonCodec<TValue> Codec<TValue>(JsonReadFunc<TValue> read, JsonWriteFunc<TValue> write) => new FuncCodec<TValue>(read, write);

    /// <summary>
    /// Reads and writes one generated object type from its property list. Reading checks for an object, matches each
    /// JSON property to its entry (the entry after the last one matched first, so properties in the declared order cost
    /// one comparison each), skips unknown ones, and fails on a missing required property; writing omits unset
    /// optional properties and refuses a required one that holds <see langword="null"/>. For generated code only.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected sealed class Table
    {
        private readonly string _typeName;
        private readonly Func<T> _create;
        private readonly Property[] _properties;
        private readonly string[] _requiredNames;

        /// <summary>Creates the table.</summary>
        /// <param name="typeName">The descriptor type, for messages.</param>
        /// <param name="create">Creates an empty object to read into.</param>
        /// <param name="properties">The properties, in the descriptor's order (the order they are written in).</param>
        public Table(string typeName, Func<T> create, params Property[] properties)
        {
            _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
            _create = create ?? throw new ArgumentNullException(nameof(create));
            _properties = properties ?? throw new ArgumentNullException(nameof(properties));
            var required = new List<string>();
            foreach (var property in properties)
            {
                if (property.Flags != 0)
                {
                    property.RequiredIndex = required.Count;
                    required.Add(property.Name);
                }
            }

            _requiredNames = required.ToArray();
        }

        /// <summary>Reads the object under the reader; unknown properties are skipped.</summary>
        /// <param name="reader">The reader, on the object's first token; left on its last.</param>
        /// <returns>The object.</returns>
        /// <exception cref="JsonException">The value is not an object, a required property is missing or <c>null</c>, or a value does not match.</exception>
        public T Read(ref Utf8JsonReader reader)
        {
            JsonValueReader.ExpectObject(ref reader, _typeName);
            var value = _create();
            var properties = _properties;
            var seen = 0UL;
            ulong[]? seenBeyond64 = null;
            var next = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var property = Find(ref reader, properties, ref next);
                if (property is null)
                {
                    JsonValueReader.SkipProperty(ref reader);
                    continue;
                }

                reader.Read();
                property.Read(ref reader, value, _typeName);
                var index = property.RequiredIndex;
                if (index >= 64)
                {
                    seenBeyond64 ??= new ulong[(_requiredNames.Length + 63) / 64];
                    seenBeyond64[(index / 64) - 1] |= 1UL << (index % 64);
                }
                else if (index >= 0)
                {
                    seen |= 1UL << index;
                }
            }

            if (_requiredNames.Length > 0)
            {
                CheckAllSeen(seen, seenBeyond64);
            }

            return value;
        }

        /// <summary>Writes the object; unset optional properties are omitted.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="value">The object; <see langword="null"/> writes JSON <c>null</c>.</param>
        /// <exception cref="JsonException">A required property holds <see langword="null"/>.</exception>
        public void Write(Utf8JsonWriter writer, T? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartObject();
            foreach (var property in _properties)
            {
                property.Write(writer, value, _typeName);
            }

            writer.WriteEndObject();
        }

        private static Property? Find(ref Utf8JsonReader reader, Property[] properties, ref int next)
        {
            if (next < properties.Length && reader.ValueTextEquals(properties[next].Utf8Name))
            {
                return properties[next++];
            }

            for (var i = 0; i < properties.Length; i++)
            {
                if (i != next && reader.ValueTextEquals(properties[i].Utf8Name))
                {
                    next = i + 1;
                    return properties[i];
                }
            }

            return null;
        }

        private void CheckAllSeen(ulong seen, ulong[]? seenBeyond64)
        {
            for (var i = 0; i < _requiredNames.Length; i++)
            {
                var bits = i < 64 ? seen : seenBeyond64?[(i / 64) - 1] ?? 0UL;
                if ((bits & (1UL << (i % 64))) == 0)
                {
                    throw JsonValueReader.MissingProperty(_typeName, _requiredNames[i]);
                }
            }
        }
    }

    /// <summary>Reads and writes one generated open enum as a JSON string. For generated code only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected sealed class EnumTable
    {
        private readonly IReadOnlyList<T> _known;
        private readonly byte[][] _knownUtf8;
        private readonly Func<T, string> _text;
        private readonly Func<string, T> _create;

        /// <summary>Creates the table.</summary>
        /// <param name="known">The values the descriptor lists, each the shared instance a read returns.</param>
        /// <param name="text">The wire text of a value.</param>
        /// <param name="create">Creates a value from wire text the descriptor does not list.</param>
        public EnumTable(IReadOnlyList<T> known, Func<T, string> text, Func<string, T> create)
        {
            _known = known ?? throw new ArgumentNullException(nameof(known));
            _text = text ?? throw new ArgumentNullException(nameof(text));
            _create = create ?? throw new ArgumentNullException(nameof(create));
            _knownUtf8 = new byte[known.Count][];
            for (var i = 0; i < known.Count; i++)
            {
                _knownUtf8[i] = Encoding.UTF8.GetBytes(text(known[i]));
            }
        }

        /// <summary>Reads a value; one the descriptor lists is returned as its shared instance.</summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <returns>The value.</returns>
        /// <exception cref="JsonException">The value is not a string.</exception>
        public T Read(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                for (var i = 0; i < _knownUtf8.Length; i++)
                {
                    if (reader.ValueTextEquals(_knownUtf8[i]))
                    {
                        return _known[i];
                    }
                }
            }

            return _create(JsonValueReader.ReadString(ref reader));
        }

        /// <summary>Writes the value as a JSON string.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="value">The value; <see langword="null"/> writes JSON <c>null</c>.</param>
        public void Write(Utf8JsonWriter writer, T? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStringValue(_text(value));
        }
    }

    /// <summary>One entry of a <see cref="Table"/>. For generated code only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract class Property
    {
        private protected Property(string name, int flags)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Utf8Name = Encoding.UTF8.GetBytes(name);
            EncodedName = JsonEncodedText.Encode(name);
            Flags = flags;
        }

        internal string Name { get; }

        internal byte[] Utf8Name { get; }

        internal JsonEncodedText EncodedName { get; }

        internal int Flags { get; }

        // The bit of a required property in the reader's record of what it has seen; -1 for an optional one.
        internal int RequiredIndex { get; set; } = -1;

        // The reader is on the value's first token, and is left on its last.
        internal abstract void Read(ref Utf8JsonReader reader, T owner, string typeName);

        internal abstract void Write(Utf8JsonWriter writer, T owner, string typeName);
    }

    private sealed class DiscriminatorProperty : Property
    {
        private readonly JsonEncodedText _text;
        private readonly bool? _boolean;

        public DiscriminatorProperty(string name, JsonEncodedText text, bool? boolean)
            : base(name, 0)
        {
            _text = text;
            _boolean = boolean;
        }

        // Skipped as an unknown property is: the union's converter chose the variant by it already.
        internal override void Read(ref Utf8JsonReader reader, T owner, string typeName) => reader.Skip();

        internal override void Write(Utf8JsonWriter writer, T owner, string typeName)
        {
            if (_boolean is { } boolean)
            {
                writer.WriteBoolean(EncodedName, boolean);
            }
            else
            {
                writer.WriteString(EncodedName, _text);
            }
        }
    }

    private sealed class RefProperty<TValue> : Property
        where TValue : class?
    {
        private readonly FieldRef<TValue?> _field;
        private readonly IJsonCodec<TValue> _codec;

        public RefProperty(string name, int flags, FieldRef<TValue?> field, IJsonCodec<TValue> codec)
            : base(name, flags)
        {
            _field = field ?? throw new ArgumentNullException(nameof(field));
            _codec = codec ?? throw new ArgumentNullException(nameof(codec));
        }

        internal override void Read(ref Utf8JsonReader reader, T owner, string typeName)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                if (Flags == RequiredNotNull)
                {
                    throw JsonValueReader.NullProperty(typeName, Name);
                }

                _field(owner) = null;
                return;
            }

            _field(owner) = _codec.Read(ref reader);
        }

        internal override void Write(Utf8JsonWriter writer, T owner, string typeName)
        {
            var value = _field(owner);
            if (value is null)
            {
                switch (Flags)
                {
                    case RequiredNotNull:
                        throw JsonValueWriter.MissingRequired(typeName, Name);
                    case RequiredOrNull:
                        writer.WriteNull(EncodedName);
                        return;
                    default:
                        return;
                }
            }

            writer.WritePropertyName(EncodedName);
            _codec.Write(writer, value);
        }
    }

    private sealed class StructProperty<TValue> : Property
        where TValue : struct
    {
        private readonly FieldRef<TValue?> _field;
        private readonly IJsonCodec<TValue> _codec;

        public StructProperty(string name, int flags, FieldRef<TValue?> field, IJsonCodec<TValue> codec)
            : base(name, flags)
        {
            _field = field ?? throw new ArgumentNullException(nameof(field));
            _codec = codec ?? throw new ArgumentNullException(nameof(codec));
        }

        internal override void Read(ref Utf8JsonReader reader, T owner, string typeName) =>
            _field(owner) = reader.TokenType == JsonTokenType.Null ? null : _codec.Read(ref reader);

        internal override void Write(Utf8JsonWriter writer, T owner, string typeName)
        {
            var value = _field(owner);
            if (!value.HasValue)
            {
                if (Flags == RequiredOrNull)
                {
                    writer.WriteNull(EncodedName);
                }

                return;
            }

            writer.WritePropertyName(EncodedName);
            _codec.Write(writer, value.GetValueOrDefault());
        }
    }

    private sealed class ValueProperty<TValue> : Property
        where TValue : struct
    {
        private readonly FieldRef<TValue> _field;
        private readonly IJsonCodec<TValue> _codec;

        public ValueProperty(string name, FieldRef<TValue> field, IJsonCodec<TValue> codec)
            : base(name, RequiredNotNull)
        {
            _field = field ?? throw new ArgumentNullException(nameof(field));
            _codec = codec ?? throw new ArgumentNullException(nameof(codec));
        }

        internal override void Read(ref Utf8JsonReader reader, T owner, string typeName)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw JsonValueReader.NullProperty(typeName, Name);
            }

            _field(owner) = _codec.Read(ref reader);
        }

        internal override void Write(Utf8JsonWriter writer, T owner, string typeName)
        {
            writer.WritePropertyName(EncodedName);
            _codec.Write(writer, _field(owner));
        }
    }

    private sealed class ThreeStateRefProperty<TValue> : Property
        where TValue : class?
    {
        private readonly FieldRef<Optional<TValue?>> _field;
        private readonly IJsonCodec<TValue> _codec;

        public ThreeStateRefProperty(string name, FieldRef<Optional<TValue?>> field, IJsonCodec<TValue> codec)
            : base(name, 0)
        {
            _field = field ?? throw new ArgumentNullException(nameof(field));
            _codec = codec ?? throw new ArgumentNullException(nameof(codec));
        }

        internal override void Read(ref Utf8JsonReader reader, T owner, string typeName) =>
            _field(owner) = reader.TokenType == JsonTokenType.Null ? new Optional<TValue?>(null) : new Optional<TValue?>(_codec.Read(ref reader));

        internal override void Write(Utf8JsonWriter writer, T owner, string typeName)
        {
            var value = _field(owner);
            if (!value.IsSet)
            {
                return;
            }

            if (value.GetValueOrDefault() is not { } set)
            {
                writer.WriteNull(EncodedName);
                return;
            }

            writer.WritePropertyName(EncodedName);
            _codec.Write(writer, set);
        }
    }

    private sealed class ThreeStateStructProperty<TValue> : Property
        where TValue : struct
    {
        private readonly FieldRef<Optional<TValue?>> _field;
        private readonly IJsonCodec<TValue> _codec;

        public ThreeStateStructProperty(string name, FieldRef<Optional<TValue?>> field, IJsonCodec<TValue> codec)
            : base(name, 0)
        {
            _field = field ?? throw new ArgumentNullException(nameof(field));
            _codec = codec ?? throw new ArgumentNullException(nameof(codec));
        }

        internal override void Read(ref Utf8JsonReader reader, T owner, string typeName) =>
            _field(owner) = reader.TokenType == JsonTokenType.Null ? new Optional<TValue?>(null) : new Optional<TValue?>(_codec.Read(ref reader));

        internal override void Write(Utf8JsonWriter writer, T owner, string typeName)
        {
            var value = _field(owner);
            if (!value.IsSet)
            {
                return;
            }

            if (value.GetValueOrDefault() is not { } set)
            {
                writer.WriteNull(EncodedName);
                return;
            }

            writer.WritePropertyName(EncodedName);
            _codec.Write(writer, set);
        }
    }
}
