using System.ComponentModel;
using System.Text.Json;

namespace EndpointGen.Runtime;

/// <summary>Reads one JSON value, positioned on its first token, into a <typeparamref name="T"/>. For generated code only.</summary>
/// <typeparam name="T">The type read.</typeparam>
/// <param name="reader">The reader, positioned on the value's first token; left on its last token.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one <typeparamref name="T"/> as a JSON value. For generated code only.</summary>
/// <typeparam name="T">The type written.</typeparam>
/// <param name="writer">The writer.</param>
/// <param name="value">The value.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonWriteFunc<in T>(Utf8JsonWriter writer, T value);

/// <summary>Reads and writes one <typeparamref name="T"/> as JSON, for a property of a generated converter's table. For generated code only.</summary>
/// <remarks>A primitive's codec is the runtime's; an object's or enum's is its generated converter; a list or map wraps its elements' codec.</remarks>
/// <typeparam name="T">The type read and written.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonCodec<T>
{
    /// <summary>Reads a value.</summary>
    /// <param name="reader">The reader, positioned on the value's first token; left on its last token.</param>
    /// <returns>The value.</returns>
    T Read(ref Utf8JsonReader reader);

    /// <summary>Writes a value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    void Write(Utf8JsonWriter writer, T value);
}
