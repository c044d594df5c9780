using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// Success metadata and errors inside 2xx answers: <c>service.error.inSuccess</c> (a path of the error type and the
/// value there that makes a 2xx body a failure), and the <c>...WithResponseAsync</c> method name every endpoint takes.
/// </content>
internal sealed partial class DescriptorReader
{
    private const string WithResponse = "WithResponse";
    private static readonly string[] s_inSuccessKeys = { "path", "equals" };

    /// <summary>
    /// Reports an endpoint whose <c>{Name}Async</c> is another endpoint's <c>{Name}WithResponseAsync</c>
    /// (<c>Get</c> and <c>GetWithResponse</c>), whichever comes first.
    /// </summary>
    /// <returns>Whether it collides, so the endpoint is skipped.</returns>
    private bool WithResponseCollision(YamlScalar key, string name, Dictionary<string, string> methodNames)
    {
        string? other = null;
        string? method = null;
        if (methodNames.TryGetValue(name + WithResponse, out var longer))
        {
            (other, method) = (longer, name + WithResponse + "Async");
        }
        else if (name.Length > WithResponse.Length && name.EndsWith(WithResponse, StringComparison.Ordinal)
            && methodNames.TryGetValue(name.Substring(0, name.Length - WithResponse.Length), out var shorter))
        {
            (other, method) = (shorter, name + "Async");
        }

        if (other is null)
        {
            return false;
        }

        Report(DiagnosticDescriptors.NameCollision, key.Location, "endpoint", key.Value, method!, $"the endpoint '{other}' has too (every endpoint also has a ...WithResponseAsync method)");
        return true;
    }

    /// <summary>
    /// Reads <c>inSuccess: { path, equals }</c>: the path walks object fields of the error type by JSON name (never
    /// through an array) to a string, number, boolean or enum field, and the value must be one of that field's values.
    /// </summary>
    private ErrorInSuccessSpec? ReadErrorInSuccess(YamlNode? node, TypeRef errorType, List<DeclaredType> types)
    {
        var map = AsMapping(node, "inSuccess");
        if (map is null)
        {
            return null;
        }

        var keys = ReadKeys(map, "inSuccess", s_inSuccessKeys, s_inSuccessKeys);
        var pathNode = keys.Get("path");
        var path = String(pathNode, "path");
        var equalsNode = keys.Get("equals");
        if (path is null || equalsNode is null)
        {
            return null;
        }

        var properties = new List<MessageStep>();
        TypeRef current = errorType;
        FieldSpec? field = null;
        foreach (var part in path.Split('.'))
        {
            var owner = current.Kind == TypeKind.Object ? types.FirstOrDefault(t => t.Spec.Name == current.Name && !t.Spec.IsEnum) : null;
            field = owner?.Spec.Fields.FirstOrDefault(f => f.JsonName == part);
            if (field is null)
            {
                Report(DiagnosticDescriptors.InvalidValue, pathNode!.Location, "path", $"'{part}' is not a field of {current.Display}");
                return null;
            }

            if (field.Type.Kind is TypeKind.Array or TypeKind.Map)
            {
                Report(DiagnosticDescriptors.InvalidTypeUse, pathNode!.Location, field.Type.Display, $"in the inSuccess path ('{part}'): the path cannot step into an array or map; it names one value");
                return null;
            }

            properties.Add(new MessageStep(field.PropertyName, IsArray: false, field.ThreeState));
            current = field.Type;
        }

        if (current.Kind is not (TypeKind.Boolean or TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Number or TypeKind.Enum))
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, pathNode!.Location, current.Display, "at the end of the inSuccess path; it must end at a boolean, string, int32, int64, number or enum field");
            return null;
        }

        var value = InSuccessValue(equalsNode, current, field!.JsonName, types);
        return value is null ? null : new ErrorInSuccessSpec(properties.ToEquatableArray(), path, current.Kind, value);
    }

    /// <summary>The <c>equals</c> value, normalized for the emitter, when it is a value of the field's type.</summary>
    private string? InSuccessValue(YamlNode node, TypeRef type, string fieldName, List<DeclaredType> types)
    {
        if (node is not YamlScalar { IsNull: false } scalar)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Location, "equals", "expected a scalar: true, false, a number or a string");
            return null;
        }

        var text = scalar.Value;
        var isBoolean = scalar.IsPlain && text is "true" or "false";
        var isNumber = scalar.IsPlain && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        string? value = type.Kind switch
        {
            TypeKind.Boolean when isBoolean => text,
            TypeKind.Int32 when scalar.IsPlain && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i.ToString(CultureInfo.InvariantCulture),
            TypeKind.Int64 when scalar.IsPlain && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l.ToString(CultureInfo.InvariantCulture),
            TypeKind.Number when isNumber && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) && !double.IsInfinity(d)
                => d.ToString("R", CultureInfo.InvariantCulture),
            TypeKind.String or TypeKind.Enum when !isBoolean && !isNumber => text,
            _ => null,
        };

        if (value is null)
        {
            var hint = type.Kind is TypeKind.String or TypeKind.Enum && (isBoolean || isNumber) ? $" (quote it, equals: \"{text}\", to compare the text)" : string.Empty;
            Report(DiagnosticDescriptors.InvalidValue, node.Location, "equals", $"'{text}' is not a {type.Display} value, and the field '{fieldName}' is {type.Display}{hint}");
            return null;
        }

        if (type.Kind == TypeKind.Enum && types.FirstOrDefault(t => t.Spec.Name == type.Name && t.Spec.IsEnum) is { } enumType
            && !enumType.Spec.Values.Any(v => v.Value == value))
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Location, "equals", $"'{value}' is not a value of the enum {type.Display}; add it to the enum's values");
            return null;
        }

        return value;
    }
}
