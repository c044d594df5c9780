namespace EndpointGen.Generator.Model;

/// <summary>A named type: an object with fields, an open string enum, or a discriminated union of object types.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="IsEnum">Whether this is a string enum (then <paramref name="Values"/> is set, else <paramref name="Fields"/>).</param>
internal sealed record TypeSpec(
    string Name,
    string? Description,
    bool IsEnum,
    EquatableArray<FieldSpec> Fields,
    EquatableArray<EnumValueSpec> Values)
{
    /// <summary>Set on a union (then <see cref="Fields"/> is empty): its discriminator and variants (spec/README.md 5.13).</summary>
    public UnionSpec? Union { get; init; }

    /// <summary>Set on an object type that is a variant of a union: the union and the discriminator value it writes first.</summary>
    public VariantOfSpec? VariantOf { get; init; }

    /// <summary>Whether a field is a <c>file</c> or <c>file[]</c>: then the type is a multipart body, and has no JSON form.</summary>
    public bool HasFileField
    {
        get
        {
            foreach (var member in Fields)
            {
                if (member.Type.Kind == TypeKind.File || member.Type is { Kind: TypeKind.Array, Element.Kind: TypeKind.File })
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>A field of an object type.</summary>
/// <param name="JsonName">The exact JSON property name.</param>
/// <param name="PropertyName">The C# property name.</param>
/// <param name="Required">The property is always present; in C# the property is <c>required</c>.</param>
/// <param name="Nullable">JSON <c>null</c> is a documented value.</param>
/// <param name="ThreeState">
/// An optional field whose C# property is <c>Optional&lt;T?&gt;</c>: unset is omitted, <c>null</c> is sent as
/// <c>null</c>, a value is sent (and read back the same way). Never set on a required field.
/// </param>
internal sealed record FieldSpec(
    string JsonName,
    string PropertyName,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Description,
    string? Example,
    bool ThreeState = false)
{
    /// <summary>The default the vendor documents, as written (documentation only, never sent), or <see langword="null"/>.</summary>
    public string? Default { get; init; }
}

/// <summary>A known value of an open enum.</summary>
internal sealed record EnumValueSpec(string Value, string MemberName);
