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
