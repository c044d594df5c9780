using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <content>A type with file fields: a multipart body and nothing else, so a plain class without a JSON converter.</content>
internal static partial class ModelEmitter
{
    private static void EmitMultipartObject(SourceWriter w, ServiceSpec service, TypeSpec type, EmitOptions options)
    {
        var ns = service.Namespace;
        w.WriteLine($$"""
            /// <remarks>Sent as a <c>multipart/form-data</c> body, the set properties in this order: a list as one part per element, a map as one part per entry.</remarks>
            {{EmitterHeader.GeneratedCodeAttribute}}
            {{options.Visibility}} sealed partial class {{type.Name}}
            {
            """);
        w.Indent();
        var first = true;
        foreach (var field in type.Fields)
        {
            if (!first)
            {
                w.WriteLine();
            }

            first = false;
            if (field.Description is null)
            {
                w.WriteLine($"/// <summary>The <c>{Code.DocText(field.JsonName)}</c> part.</summary>");
            }
            else
            {
                w.Doc("summary", field.Description);
            }

            var presence = field.Required ? "; required" : "; omitted when unset";
            if (field.Type.Kind == TypeKind.Map)
            {
                // A map is spread: its own name is never sent (spec/README.md 5.7).
                w.Write($"/// <remarks>One part per entry, named by its key, in the map's order (<c>{Code.DocText(field.JsonName)}</c> itself is not sent){presence}");
            }
            else if (field.Type.Kind == TypeKind.Array)
            {
                // The part name of a list depends on the body's 'arrays', which a type shared by two bodies does not know.
                w.Write($"/// <remarks>One part per element, named <c>{Code.DocText(field.JsonName)}</c> (<c>{Code.DocText(field.JsonName)}[]</c> in a body with <c>arrays: brackets</c>){presence}");
            }
            else
            {
                w.Write($"/// <remarks>Part name: <c>{Code.DocText(field.JsonName)}</c>{presence}");
            }

            // Two writes, not a conditional expression: that would make the interpolation a plain string,
            // and the escaped doc text would be written by its type name instead of its text.
            if (field.Example is null)
            {
                w.Write(".");
            }
            else
            {
                w.Write($". Example: <c>{Code.DocText(OneLine(field.Example))}</c>.");
            }

            if (field.Default is not null)
            {
                // Documentation only, as for JSON fields: the client never sends the vendor's default.
                w.Write($" Default: <c>{Code.DocText(OneLine(field.Default))}</c>.");
            }

            w.WriteLine("</remarks>");
            var propertyType = TypeSyntax.Name(field.Type, ns, nullable: !(field.Required && !field.Nullable));
            w.WriteLine($"public {(field.Required ? "required " : string.Empty)}{propertyType} {field.PropertyName} {{ get; init; }}");
        }

        w.CloseBlock();
    }
}
