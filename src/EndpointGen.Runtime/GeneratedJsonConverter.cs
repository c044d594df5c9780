using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EndpointGen.Runtime;

/// <summary>
/// The base of every converter EndpointGen generates. <see cref="Read"/> and <see cref="Write"/> call the generated
/// reader and writer, which hand the work to a <see cref="Table"/> (an object type) or an <see cref="EnumTable"/> (an
/// open enum): moving to each value, telling JSON <c>null</c> from a value, checking required properties, skipping
/// unknown ones and leaving unset ones out are done once and here, and a generated type only lists its properties,
/// one line each, which keeps both the generator and the consumer's compiler fast on large descriptors.
/// For generated code only.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract partial class GeneratedJsonConverter<T> : JsonConverter<T>
{
    private readonly JsonReadFunc<T> _read;
    private readonly JsonWriteFunc<T> _write;

    /// <summary>Creates the converter over the generated reader and writer.</summary>
    /// <param name="read">Reads a value, the reader on its first token.</param>
    /// <param name="write">Writes a value.</param>
    protected GeneratedJsonConverter(JsonReadFunc<T> read, JsonWriteFunc<T> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);
}
