using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <content>
/// Three-state fields: the property is <c>global::EndpointGen.Runtime.Optional&lt;T?&gt;</c>, read and written by the
/// converter base class's <c>ThreeState*</c> helpers (absent is unset, <c>null</c> is a set null).
/// </content>
internal static partial class ModelEmitter
{
    private const string ThreeStatePresence = "; three-state: absent is unset, and a set <see langword=\"null\"/> is <c>null</c>";

    /// <summary>The property's type: <c>Optional&lt;T?&gt;</c>, so <see langword="null"/> is a value and unset is another.</summary>
    private static ThreeStateTypeName ThreeStateName(TypeRef type, string ns) => new(type, ns);

    /// <summary>A three-state property's C# type, written into a line.</summary>
    private readonly struct ThreeStateTypeName : ISourcePiece
    {
        private readonly TypeRef _type;
        private readonly string _ns;

        public ThreeStateTypeName(TypeRef type, string ns)
        {
            _type = type;
            _ns = ns;
        }

        public void WriteTo(SourceWriter w) => w.Write($"global::EndpointGen.Runtime.Optional<{TypeSyntax.Name(_type, _ns, nullable: true)}>");
    }
}
