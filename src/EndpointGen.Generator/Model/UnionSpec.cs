namespace EndpointGen.Generator.Model;

/// <summary>A discriminated union: an abstract class whose variants are object types told apart by one JSON property.</summary>
/// <param name="Discriminator">The JSON name of the property that tells the variants apart.</param>
/// <param name="IsBoolean">The discriminator is a JSON boolean (values <c>true</c>/<c>false</c>), else a JSON string.</param>
/// <param name="Variants">The variants in the order written.</param>
internal sealed record UnionSpec(string Discriminator, bool IsBoolean, EquatableArray<UnionVariantSpec> Variants);

/// <summary>One variant of a union.</summary>
/// <param name="Value">The discriminator value as written (<c>true</c>/<c>false</c> for a boolean discriminator).</param>
/// <param name="TypeName">The C# name of the variant's object type.</param>
internal sealed record UnionVariantSpec(string Value, string TypeName);

/// <summary>What a variant knows of its union: its base class and the discriminator it writes before its fields.</summary>
/// <param name="UnionName">The C# name of the union (the variant's base class).</param>
/// <param name="Discriminator">The JSON name of the discriminator.</param>
/// <param name="IsBoolean">The discriminator is a JSON boolean, else a JSON string.</param>
/// <param name="Value">This variant's discriminator value.</param>
internal sealed record VariantOfSpec(string UnionName, string Discriminator, bool IsBoolean, string Value);
