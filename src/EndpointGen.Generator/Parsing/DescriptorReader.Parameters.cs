using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// What a parameter may be beyond a scalar: an array of scalars or enums in a query or header, with the <c>style</c>
/// its elements are written in; and the <c>default</c> a vendor documents for a parameter or a field.
/// </content>
internal sealed partial class DescriptorReader
{
    /// <summary>Whether a type is a scalar a parameter (or an element of an array parameter) can carry as text.</summary>
    private static bool IsScalarParameterType(TypeRef type, string group) => group == "path"
        ? type.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Uuid or TypeKind.Date or TypeKind.Enum
        : type.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Number or TypeKind.Boolean
            or TypeKind.Uuid or TypeKind.DateTime or TypeKind.Date or TypeKind.Enum;

    /// <summary>Checks a parameter's type: a scalar of its group, or, in a query or a header, an array of such scalars.</summary>
    private bool CheckParameterType(TypeRef type, YamlNode typeNode, string group)
    {
        if (type.Kind == TypeKind.Array && group != "path")
        {
            if (IsScalarParameterType(type.Element!, group))
            {
                return true;
            }

            Report(DiagnosticDescriptors.InvalidTypeUse, typeNode.Location, type.Display, "as a " + group + " parameter: the elements of an array parameter are scalars or enums, not arrays, maps, objects, json or unix-time");
            return false;
        }

        if (IsScalarParameterType(type, group))
        {
            return true;
        }

        Report(DiagnosticDescriptors.InvalidTypeUse, typeNode.Location, type.Display, "as a " + group + " parameter");
        return false;
    }

    /// <summary>
    /// The <c>style</c> of an array parameter: <c>repeat</c> (a query's default), <c>brackets</c> or <c>comma</c> (a
    /// header's only style); <see langword="null"/> after reporting a style on a scalar, an unknown style, or a header
    /// style other than <c>comma</c>.
    /// </summary>
    private ListStyle? ReadStyle(YamlNode? node, TypeRef type, string group)
    {
        var isHeader = group == "header";
        if (node is null)
        {
            return isHeader ? ListStyle.Comma : ListStyle.Repeat;
        }

        var text = String(node, "style");
        if (text is null)
        {
            return null;
        }

        if (type.Kind != TypeKind.Array)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Location, "style", $"'style' applies to array parameters only, and this {group} parameter is a {type.Display}");
            return null;
        }

        ListStyle? style = text switch
        {
            "repeat" => ListStyle.Repeat,
            "brackets" => ListStyle.Brackets,
            "comma" => ListStyle.Comma,
            _ => null,
        };
        if (style is null)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Location, "style", $"'{text}' is not a style; expected repeat, brackets or comma");
            return null;
        }

        if (isHeader && style != ListStyle.Comma)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Location, "style", $"a header carries its elements as one comma-separated value, so its only style is comma, not '{text}'");
            return null;
        }

        return style;
    }

    /// <summary>A documented default: one scalar, as written (documentation only).</summary>
    /// <param name="node">The value of the <c>default</c> key, or <see langword="null"/> when there is none.</param>
    /// <param name="ok">Set to <see langword="false"/> when the value is a list or a mapping.</param>
    private string? ReadDefault(YamlNode? node, ref bool ok)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar)
        {
            // "default: null" documents null; an empty value documents nothing.
            return scalar.IsNull ? (scalar.Value.Length == 0 ? null : "null") : scalar.Value;
        }

        Report(DiagnosticDescriptors.InvalidValue, node.Location, "default", "a default is a single value, found " + node.KindName);
        ok = false;
        return null;
    }
}
