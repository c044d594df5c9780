namespace EndpointGen.Generator.Model;

/// <summary>
/// The value that makes a 2xx body a failure (<c>service.error.inSuccess</c>): the body, read as the error type, has
/// <see cref="Value"/> at the end of <see cref="PropertyPath"/>.
/// </summary>
/// <param name="PropertyPath">The C# properties from the error body to the compared field, each an object field but the last; no arrays. A three-state step (<c>Optional&lt;T?&gt;</c>) is read through its value.</param>
/// <param name="JsonPath">The path as written, JSON names joined by dots, for documentation.</param>
/// <param name="Kind">The compared field's kind: <see cref="TypeKind.Boolean"/>, <see cref="TypeKind.Int32"/>, <see cref="TypeKind.Int64"/>, <see cref="TypeKind.Number"/>, <see cref="TypeKind.String"/> or <see cref="TypeKind.Enum"/>.</param>
/// <param name="Value">The value, checked against <paramref name="Kind"/>: <c>true</c>/<c>false</c>, a number in invariant form, or the text (an enum's wire value).</param>
internal sealed record ErrorInSuccessSpec(EquatableArray<MessageStep> PropertyPath, string JsonPath, TypeKind Kind, string Value);
