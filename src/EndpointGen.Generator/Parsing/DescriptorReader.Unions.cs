using System;
using System.Collections.Generic;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// Discriminated unions (spec/README.md 5.13): a type with <c>discriminator</c> and <c>variants</c>. The union is read
/// with the other types; once every type is read, its variants are checked (an object type, a variant of one union
/// only, without a field of the discriminator's name) and each learns its union, whose base class it derives from.
/// </content>
internal sealed partial class DescriptorReader
{
    private static readonly string[] s_unionTypeKeys = { "description", "discriminator", "variants" };
    private static readonly string[] s_unionRequired = { "discriminator", "variants" };

    // The unions by C# name, known once the types are declared: where an object type with fields is needed, a union is not one.
    private readonly HashSet<string> _unionNames = new(StringComparer.Ordinal);

    // Each union's variants as written, with where, checked once every type is read (ResolveUnions).
    private readonly List<PendingUnion> _pendingUnions = new();

    /// <summary>Whether a type's mapping declares a union: it has <c>discriminator</c> or <c>variants</c>.</summary>
    private static bool IsUnionNode(YamlNode node) => node is YamlMapping map && (HasKey(map, "discriminator") || HasKey(map, "variants"));

    private bool IsUnion(TypeRef type) => type.Kind == TypeKind.Object && _unionNames.Contains(type.Name!);

    private TypeSpec? ReadUnion(YamlMapping map, string name, string writtenName)
    {
        if (name == "Unknown")
        {
            Report(DiagnosticDescriptors.NameCollision, map.Location, "type", writtenName, name, "is the class nested in every union for a variant the descriptor does not list, and a type cannot have a member of its own name");
            return null;
        }

        // 'fields' or 'enum' beside 'discriminator' are unknown keys here: a union's fields are its variants'.
        var keys = ReadKeys(map, new Phrase("union type '", writtenName, "'"), s_unionTypeKeys, s_unionRequired);
        var description = OptionalText(keys.Get("description"), "description");
        var discriminatorNode = keys.Get("discriminator");
        var discriminator = String(discriminatorNode, "discriminator");
        if (discriminator is { Length: 0 })
        {
            Report(DiagnosticDescriptors.InvalidValue, discriminatorNode!.Location, "discriminator", "the discriminator is the JSON name of the property that tells the variants apart; it cannot be empty");
            discriminator = null;
        }

        var variantsNode = keys.Get("variants");
        var variantsMap = variantsNode is YamlScalar { IsNull: true } ? null : AsMapping(variantsNode, "variants");
        if (variantsNode is YamlScalar { IsNull: true } || variantsMap is { Entries.Length: 0 })
        {
            Report(DiagnosticDescriptors.InvalidValue, variantsNode!.Location, "variants", "a union needs at least one variant: discriminator value → object type");
            return null;
        }

        if (variantsMap is null || discriminator is null)
        {
            return null;
        }

        var ok = true;
        YamlScalar? first = null;
        var isBoolean = false;
        var variants = new List<UnionVariantSpec>(variantsMap.Entries.Length);
        var pending = new List<PendingVariant>(variantsMap.Entries.Length);
        foreach (var entry in UniqueEntries(variantsMap, "discriminator value"))
        {
            // true and false (quoted or not) make a boolean discriminator; every other text a string one. Never both.
            var entryIsBoolean = entry.Key.Value is "true" or "false";
            if (first is null)
            {
                first = entry.Key;
                isBoolean = entryIsBoolean;
            }
            else if (entryIsBoolean != isBoolean)
            {
                var why = isBoolean
                    ? $"'{entry.Key.Value}' is a string, but '{first.Value}' makes the discriminator a JSON boolean"
                    : $"'{entry.Key.Value}' is a JSON boolean, but '{first.Value}' makes the discriminator a string";
                Report(DiagnosticDescriptors.InvalidValue, entry.Key.Location, "variants", why + ": a discriminator's values are all true and false, or all strings");
                ok = false;
                continue;
            }

            var type = TypeOf(entry.Value, "variant");
            if (type is null)
            {
                ok = false;
                continue;
            }

            var problem = type.Kind != TypeKind.Object ? "; a variant is an object type declared under 'types' (with 'fields')"
                : _unionNames.Contains(type.Name!) ? $"; '{type.Name}' is a union itself, and a union is not a variant: list its variants in '{writtenName}' instead"
                : null;
            var twice = problem is null ? pending.Find(p => p.TypeName == type.Name) : null;
            if (twice is not null)
            {
                problem = $"; it is the variant of '{twice.Value}' already, and a variant writes one discriminator value";
            }

            if (problem is not null)
            {
                Report(DiagnosticDescriptors.InvalidTypeUse, entry.Value.Location, type.Display, $"as a variant of '{writtenName}'{problem}");
                ok = false;
                continue;
            }

            variants.Add(new UnionVariantSpec(entry.Key.Value, type.Name!));
            pending.Add(new PendingVariant(entry.Key.Value, type.Name!, entry.Value.Location));
        }

        if (!ok || variants.Count == 0)
        {
            return null;
        }

        _pendingUnions.Add(new PendingUnion(name, writtenName, discriminator, isBoolean, pending));
        return new TypeSpec(name, description, false, EquatableArray<FieldSpec>.Empty, EquatableArray<EnumValueSpec>.Empty)
        {
            Union = new UnionSpec(discriminator, isBoolean, variants.ToEquatableArray()),
        };
    }

    /// <summary>
    /// Once every type is read: each variant belongs to one union, has no file fields, declares no field of the
    /// discriminator's name (the union writes it) and no property <c>Unknown</c> (it inherits the union's nested
    /// class of that name); then it learns its union.
    /// </summary>
    private void ResolveUnions(List<DeclaredType> types, List<KeyValuePair<YamlScalar, YamlNode>> typeNodes)
    {
        if (_pendingUnions.Count == 0)
        {
            return;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < types.Count; i++)
        {
            index[types[i].Spec.Name] = i;
        }

        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var union in _pendingUnions)
        {
            foreach (var variant in union.Variants)
            {
                if (claimed.TryGetValue(variant.TypeName, out var other))
                {
                    Report(DiagnosticDescriptors.InvalidTypeUse, variant.Location, variant.TypeName, $"as a variant of '{union.WrittenName}'; it is a variant of '{other}' already, and a class has one base class (declare another type for this union)");
                    continue;
                }

                claimed.Add(variant.TypeName, union.WrittenName);
                if (!index.TryGetValue(variant.TypeName, out var at))
                {
                    // A variant that could not be read: its own errors are reported.
                    continue;
                }

                var declared = types[at];
                var spec = declared.Spec;
                if (spec.HasFileField)
                {
                    Report(DiagnosticDescriptors.InvalidTypeUse, variant.Location, variant.TypeName, $"as a variant of '{union.WrittenName}'; '{variant.TypeName}' has file fields, so it can only be a multipart body");
                    continue;
                }

                var ok = true;
                foreach (var field in spec.Fields)
                {
                    if (field.JsonName == union.Discriminator)
                    {
                        Report(DiagnosticDescriptors.InvalidValue, FieldKeyLocation(typeNodes, declared.Key, field.JsonName), field.JsonName, $"the field '{field.JsonName}' of '{declared.Key.Value}' is the discriminator of the union '{union.WrittenName}', which writes it before the variant's fields; remove the field from the variant");
                        ok = false;
                    }
                    else if (field.PropertyName == "Unknown")
                    {
                        Report(DiagnosticDescriptors.NameCollision, FieldKeyLocation(typeNodes, declared.Key, field.JsonName), "field", field.JsonName, field.PropertyName, $"is the class nested in the union '{union.WrittenName}' for an unknown variant, which its variants inherit; set 'name' to choose another C# name");
                        ok = false;
                    }
                }

                if (ok)
                {
                    types[at] = declared with { Spec = spec with { VariantOf = new VariantOfSpec(union.Name, union.Discriminator, union.IsBoolean, variant.Value) } };
                }
            }
        }
    }

    /// <summary>Why a union, or a variant (whose JSON carries the discriminator), cannot be a form or multipart body or part of one.</summary>
    private string? UnionInFormProblem(TypeRef type)
    {
        if (IsUnion(type))
        {
            return $"; '{type.Name}' is a union, whose variants are told apart by a JSON property: send it as JSON";
        }

        return type.Kind == TypeKind.Object && _objectTypes.TryGetValue(type.Name!, out var spec) && spec.VariantOf is { } of
            ? $"; '{type.Name}' is a variant of the union '{of.UnionName}', whose JSON carries the discriminator '{of.Discriminator}': send it as JSON"
            : null;
    }

    /// <summary>Where a field's key is written in a type's mapping, else the type's name.</summary>
    private static LocationInfo FieldKeyLocation(List<KeyValuePair<YamlScalar, YamlNode>> typeNodes, YamlScalar typeKey, string jsonName)
    {
        foreach (var node in typeNodes)
        {
            if (node.Key != typeKey || node.Value is not YamlMapping map)
            {
                continue;
            }

            foreach (var entry in map.Entries)
            {
                if (entry.Key.Value == "fields" && entry.Value is YamlMapping fields)
                {
                    foreach (var field in fields.Entries)
                    {
                        if (field.Key.Value == jsonName)
                        {
                            return field.Key.Location;
                        }
                    }
                }
            }
        }

        return typeKey.Location;
    }

    private sealed record PendingUnion(string Name, string WrittenName, string Discriminator, bool IsBoolean, List<PendingVariant> Variants);

    private sealed record PendingVariant(string Value, string TypeName, LocationInfo Location);
}
