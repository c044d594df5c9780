using System;
using System.Collections.Generic;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// The <c>types</c> mapping: every name is declared first (endpoints and other types refer to them), then each object
/// type is read with its fields and each enum type with its values.
/// </content>
internal sealed partial class DescriptorReader
{
    private static readonly string[] s_objectTypeKeys = { "description", "fields", "threeState" };
    private static readonly string[] s_typeKinds = { "description", "fields", "enum", "threeState" };
    private static readonly string[] s_enumTypeKeys = { "description", "enum" };
    private static readonly string[] s_fieldKeys = { "type", "required", "nullable", "description", "example", "default", "name", "threeState" };
    private static readonly string[] s_enumRequired = { "enum" };

    private List<KeyValuePair<YamlScalar, YamlNode>> DeclareTypes(YamlNode? node)
    {
        var declared = new List<KeyValuePair<YamlScalar, YamlNode>>();
        var map = node is null ? null : AsMapping(node, "types");
        if (map is null)
        {
            return declared;
        }

        var csharpNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in UniqueEntries(map, "type"))
        {
            var name = CSharpName(entry.Key.Value, entry.Key.Location, "type name");
            if (name is null)
            {
                continue;
            }

            if (csharpNames.TryGetValue(name, out var other))
            {
                Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "type", entry.Key.Value, name, $"the type '{other}' becomes too");
                continue;
            }

            csharpNames.Add(name, entry.Key.Value);
            // A union is an object type to type expressions (its converter is read and written like one's).
            var isUnion = IsUnionNode(entry.Value);
            var isEnum = !isUnion && entry.Value is YamlMapping typeMap && HasKey(typeMap, "enum");
            if (isUnion)
            {
                _unionNames.Add(name);
            }

            _declaredTypes[entry.Key.Value] = new TypeRef(isEnum ? TypeKind.Enum : TypeKind.Object, name);
            declared.Add(entry);
        }

        return declared;
    }

    private List<DeclaredType> ReadTypes(List<KeyValuePair<YamlScalar, YamlNode>> typeNodes, string? serviceName)
    {
        var generatedNames = new HashSet<string>(serviceName is null ? Array.Empty<string>() : ServiceTypeNames(serviceName), StringComparer.Ordinal);
        var types = new List<DeclaredType>();
        foreach (var entry in typeNodes)
        {
            var typeRef = _declaredTypes[entry.Key.Value];
            var clash = generatedNames.Contains(typeRef.Name!) ? "the generator already emits for this service"
                : typeRef.Kind == TypeKind.Enum && Array.IndexOf(s_enumMembers, typeRef.Name) >= 0 ? "is a member every generated enum has, and a type cannot have a member of its own name"
                : typeRef.Kind == TypeKind.Object && typeRef.Name == "JsonConverter" ? "is the converter nested in every generated class, and a type cannot have a member of its own name"
                : null;
            if (clash is not null)
            {
                Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "type", entry.Key.Value, typeRef.Name!, clash);
                continue;
            }

            var map = AsMapping(entry.Value, new Phrase("type '", entry.Key.Value, "'"));
            if (map is null)
            {
                continue;
            }

            var spec = typeRef.Kind == TypeKind.Enum ? ReadEnum(map, typeRef.Name!)
                : _unionNames.Contains(typeRef.Name!) ? ReadUnion(map, typeRef.Name!, entry.Key.Value)
                : ReadObject(map, typeRef.Name!, entry.Key.Value);
            if (spec is not null)
            {
                types.Add(new DeclaredType(entry.Key, spec));
                _generatedTypes.Add(new TypeClaim(spec.Name, entry.Key.Location));
            }
        }

        return types;
    }

    private TypeSpec? ReadObject(YamlMapping map, string name, string writtenName)
    {
        if (!HasKey(map, "fields"))
        {
            // Neither fields nor enum: a key from another format (oneOf:, properties:) is likely the cause, so say so.
            ReadKeys(map, new Phrase("type '", writtenName, "'"), s_typeKinds, Array.Empty<string>());
            Report(DiagnosticDescriptors.MissingKey, map.Location, "fields", $"type '{writtenName}' (an object type has 'fields', an enum type has 'enum')");
            return null;
        }

        var keys = ReadKeys(map, new Phrase("type '", writtenName, "'"), s_objectTypeKeys, Array.Empty<string>());
        var description = OptionalText(keys.Get("description"), "description");
        var typeThreeState = Bool(keys.Get("threeState"), "threeState") ?? false;
        var fieldsNode = keys.Get("fields");
        var fieldsMap = fieldsNode is YamlScalar { IsNull: true } ? null : AsMapping(fieldsNode, "fields");
        var fields = new List<FieldSpec>(fieldsMap?.Entries.Length ?? 0);
        if (fieldsMap is not null)
        {
            var memberNames = _localNames.Cleared();
            foreach (var entry in UniqueEntries(fieldsMap, "field"))
            {
                var field = ReadField(entry.Key, entry.Value, writtenName, typeThreeState);
                if (field is null)
                {
                    continue;
                }

                var clash = field.PropertyName == name ? "is the name of its own type"
                    : Array.IndexOf(s_classMembers, field.PropertyName) >= 0 ? "is a name every generated class takes (its JSON converter, and the converter's s_requiredNames)"
                    : Array.IndexOf(s_objectMembers, field.PropertyName) >= 0 ? "is a member every .NET object has"
                    : field.PropertyName[0] == '_' ? "starts with '_', which the generated class keeps for the fields behind its properties"
                    : memberNames.TryGetValue(field.PropertyName, out var other) ? $"the field '{other}' becomes too"
                    : null;
                if (clash is not null)
                {
                    Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "field", entry.Key.Value, field.PropertyName, clash + "; set 'name' to choose another C# name");
                    continue;
                }

                memberNames.Add(field.PropertyName, entry.Key.Value);
                fields.Add(field);
            }
        }

        return new TypeSpec(name, description, false, fields.ToEquatableArray(), EquatableArray<EnumValueSpec>.Empty);
    }

    private FieldSpec? ReadField(YamlScalar key, YamlNode node, string owner, bool typeThreeState)
    {
        // "id: int64" is shorthand for "id: { type: int64 }".
        if (node is YamlScalar shorthand)
        {
            var shortType = TypeOf(shorthand, "type");
            RecordFieldType(owner, key.Value, shortType, shorthand);
            var shortName = CSharpName(key.Value, key.Location, "field", "; set 'name' to choose a C# name");
            if (shortName is null)
            {
                return null;
            }

            return shortType is null ? null : new FieldSpec(key.Value, shortName, shortType, false, typeThreeState, null, null, typeThreeState);
        }

        var map = AsMapping(node, new Phrase("field '", key.Value, "' of '", owner, "'"));
        if (map is null)
        {
            return null;
        }

        var keys = ReadKeys(map, new Phrase("field '", key.Value, "'"), s_fieldKeys, s_typeRequired);
        var type = TypeOf(keys.Get("type"), "type");
        RecordFieldType(owner, key.Value, type, keys.Get("type"));
        var required = Bool(keys.Get("required"), "required") ?? false;
        var nullable = Bool(keys.Get("nullable"), "nullable") ?? false;
        var threeState = ThreeStateOf(keys.Get("threeState"), required, keys.Get("nullable"), typeThreeState);
        var description = OptionalText(keys.Get("description"), "description");
        var example = keys.Get("example") is { } exampleNode ? Example(exampleNode) : null;
        var defaultOk = true;
        var defaultValue = ReadDefault(keys.Get("default"), ref defaultOk);
        string? propertyName;
        if (keys.Get("name") is { } nameNode)
        {
            propertyName = String(nameNode, "name");
            if (propertyName is not null && !IsUsableAsWritten(propertyName, nameNode.Location, "C# name"))
            {
                return null;
            }
        }
        else
        {
            propertyName = CSharpName(key.Value, key.Location, "field", "; set 'name' to choose a C# name");
            if (propertyName is null)
            {
                return null;
            }
        }

        return type is null || propertyName is null || !defaultOk
            ? null
            : new FieldSpec(key.Value, propertyName, type, required, nullable || threeState, description, example, threeState) { Default = defaultValue };
    }

    private TypeSpec? ReadEnum(YamlMapping map, string name)
    {
        var keys = ReadKeys(map, new Phrase("enum type '", name, "'"), s_enumTypeKeys, s_enumRequired);
        var description = OptionalText(keys.Get("description"), "description");
        if (keys.Get("enum") is not YamlSequence sequence)
        {
            if (keys.Get("enum") is { } notList)
            {
                Report(DiagnosticDescriptors.InvalidValue, notList.Location, "enum", "expected a list of string values");
            }

            return null;
        }

        if (sequence.Items.Length == 0)
        {
            Report(DiagnosticDescriptors.InvalidValue, sequence.Location, "enum", "an enum needs at least one value");
            return null;
        }

        var values = new List<EnumValueSpec>(sequence.Items.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = _localNames.Cleared();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlScalar scalar || scalar.IsNull)
            {
                Report(DiagnosticDescriptors.InvalidValue, item.Location, "enum", "each value must be a string");
                continue;
            }

            if (!seen.Add(scalar.Value))
            {
                Report(DiagnosticDescriptors.DuplicateKey, scalar.Location, "enum value", scalar.Value);
                continue;
            }

            var member = CSharpName(scalar.Value, scalar.Location, "enum value");
            if (member is null)
            {
                continue;
            }

            var clash = member == name ? "is the name of its own type"
                : Array.IndexOf(s_enumMembers, member) >= 0 || Array.IndexOf(s_objectMembers, member) >= 0 ? "is a member every generated enum has"
                : members.TryGetValue(member, out var other) ? $"the value '{other}' becomes too"
                : null;
            if (clash is not null)
            {
                Report(DiagnosticDescriptors.NameCollision, scalar.Location, "enum value", scalar.Value, member, clash);
                continue;
            }

            members.Add(member, scalar.Value);
            values.Add(new EnumValueSpec(scalar.Value, member));
        }

        return new TypeSpec(name, description, true, EquatableArray<FieldSpec>.Empty, values.ToEquatableArray());
    }

    private sealed record DeclaredType(YamlScalar Key, TypeSpec Spec);
}
