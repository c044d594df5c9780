using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// <c>threeState</c>: on a field, or on an object type for every optional field it has. A three-state field tells
/// "unset" (omitted) from "set to null" (sent as <c>null</c>), so it is optional and nullable by definition.
/// </content>
internal sealed partial class DescriptorReader
{
    /// <summary>Whether a field is three-state: its own <c>threeState</c> if written, else its type's (for optional fields).</summary>
    /// <param name="node">The field's <c>threeState</c> value, if written.</param>
    /// <param name="required">Whether the field is required.</param>
    /// <param name="nullableNode">The field's <c>nullable</c> value, if written.</param>
    /// <param name="typeThreeState">Whether the object type says <c>threeState: true</c>.</param>
    private bool ThreeStateOf(YamlNode? node, bool required, YamlNode? nullableNode, bool typeThreeState)
    {
        var own = Bool(node, "threeState");
        if (own == true && required)
        {
            // A required property is always sent, so it has no unset state; the YAML says both, so point at threeState.
            Report(DiagnosticDescriptors.InvalidValue, node!.Location, "threeState", "a required field is always sent, so it cannot be unset; 'threeState' applies to optional fields only (remove 'required: true' or 'threeState: true')");
            return false;
        }

        var threeState = !required && (own ?? typeThreeState);
        if (threeState && nullableNode is YamlScalar { Value: "false" })
        {
            Report(DiagnosticDescriptors.InvalidValue, nullableNode.Location, "nullable", "a three-state field can always be set to null (that is its second state); remove 'nullable: false' or set 'threeState: false'");
            return false;
        }

        return threeState;
    }
}
