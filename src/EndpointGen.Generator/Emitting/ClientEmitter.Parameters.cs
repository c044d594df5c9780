using System.Linq;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <content>
/// How parameter values reach the URL and the headers: each scalar type in its one wire format (the same text as in
/// JSON), arrays of scalars in the declared <c>style</c>, and the documentation of a parameter's default.
/// </content>
internal static partial class ClientEmitter
{
    /// <summary>Adds one query parameter to <c>url</c>: a scalar through the builder's typed overloads, an array in its style.</summary>
    /// <param name="pagingOverride">The builder's page or cursor argument, which wins over the parameter when set; <see langword="null"/> for any other parameter.</param>
    private static void EmitAddQuery(SourceWriter w, string url, ParameterSpec parameter, string? pagingOverride = null)
    {
        var access = pagingOverride is null ? "parameters." + parameter.PropertyName : pagingOverride + " ?? parameters." + parameter.PropertyName;
        if (parameter.Type.Kind == TypeKind.Array)
        {
            var method = parameter.Style switch
            {
                ListStyle.Brackets => "AddQueryBrackets",
                ListStyle.Comma => "AddQueryComma",
                _ => "AddQueryRepeat",
            };
            w.WriteLine($"{url}.{method}({Code.Literal(parameter.WireName)}, {access}, {new ElementText(parameter.Type.Element!)});");
        }
        else if (parameter.Type.Kind == TypeKind.Date)
        {
            // A DateTime would otherwise convert to the DateTimeOffset overload and be sent as a date-time.
            w.WriteLine($"{url}.AddQuery({Code.Literal(parameter.WireName)}, {new WireText(parameter.Type, !parameter.Required, access)});");
        }
        else
        {
            var value = parameter.Type.Kind == TypeKind.Enum ? (parameter.Required ? ".Value" : "?.Value") : string.Empty;
            w.WriteLine($"{url}.AddQuery({Code.Literal(parameter.WireName)}, {access}{value});");
        }
    }

    /// <summary>Adds one header parameter to <c>request</c>: a scalar as its text, an array as one comma-separated value.</summary>
    private static void EmitAddHeader(SourceWriter w, ParameterSpec parameter)
    {
        var access = "parameters." + parameter.PropertyName;
        if (parameter.Type.Kind == TypeKind.Array)
        {
            w.WriteLine($"{Runtime}.ApiRequest.AddHeaderList(request, {Code.Literal(parameter.WireName)}, {access}, {new ElementText(parameter.Type.Element!)});");
        }
        else
        {
            w.WriteLine($"{Runtime}.ApiRequest.AddHeader(request, {Code.Literal(parameter.WireName)}, {HeaderValue(parameter, access)});");
        }
    }

    /// <summary>A path parameter's argument as <c>AppendSegment</c> takes it.</summary>
    private static WireText PathValue(ParameterSpec parameter) => parameter.Type.Kind switch
    {
        TypeKind.Date => new WireText(parameter.Type, false, parameter.ArgumentName),
        _ => new WireText(null, false, parameter.ArgumentName),
    };

    /// <summary>A required array parameter must hold an element: an empty list would send nothing, as if it were unset.</summary>
    private static void EmitRequiredListChecks(SourceWriter w, EquatableArray<ParameterSpec> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Required && parameter.Type.Kind == TypeKind.Array)
            {
                w.WriteLine($$"""
                    if (parameters.{{parameter.PropertyName}} is null || parameters.{{parameter.PropertyName}}.Count == 0)
                    {
                        throw new global::System.ArgumentException({{Code.Literal("The parameter '" + parameter.WireName + "' is required and needs at least one element.")}}, nameof(parameters));
                    }

                    """);
            }
        }
    }

    /// <summary>The parameters type's remarks mention empty lists where the endpoint has an array parameter.</summary>
    private static string EmptyListsNote(EndpointSpec endpoint) =>
        endpoint.QueryParameters.Any(static p => p.Type.Kind == TypeKind.Array) || endpoint.HeaderParameters.Any(static p => p.Type.Kind == TypeKind.Array)
            ? " and empty lists"
            : string.Empty;

    /// <summary>The end of a parameter's remarks: how an array goes on the wire, and the documented default.</summary>
    private static void WriteParameterRemarksTail(SourceWriter w, ParameterSpec parameter, bool isHeader)
    {
        if (parameter.Type.Kind == TypeKind.Array)
        {
            var name = Code.DocText(parameter.WireName);
            var absent = parameter.Required ? "it must hold an element." : "an unset or empty list is not sent.";
            if (isHeader)
            {
                w.Write($" Sent as one header, the elements joined with commas; {absent}");
            }
            else if (parameter.Style == ListStyle.Brackets)
            {
                w.Write($" Sent as <c>{name}[]=a&amp;{name}[]=b</c>; {absent}");
            }
            else if (parameter.Style == ListStyle.Comma)
            {
                w.Write($" Sent as <c>{name}=a,b</c>; {absent}");
            }
            else
            {
                w.Write($" Sent as <c>{name}=a&amp;{name}=b</c>; {absent}");
            }
        }

        if (parameter.Default is { } value)
        {
            w.Write($" Default: <c>{Code.DocText(value.Replace("\n", " "))}</c>.");
        }
    }

    /// <summary>A scalar value as the text a query, a header or a form carries: the same text JSON has for it.</summary>
    private readonly struct WireText : ISourcePiece
    {
        private readonly TypeRef? _type;
        private readonly bool _nullable;
        private readonly string _access;

        /// <param name="type">The type, or <see langword="null"/> to write <paramref name="access"/> as it is.</param>
        /// <param name="nullable">Whether the value may be <see langword="null"/> (then the text is too).</param>
        /// <param name="access">The expression of the value.</param>
        public WireText(TypeRef? type, bool nullable, string access)
        {
            _type = type;
            _nullable = nullable;
            _access = access;
        }

        public void WriteTo(SourceWriter w)
        {
            var q = _nullable ? "?" : string.Empty;
            switch (_type?.Kind)
            {
                case null or TypeKind.String:
                    w.Write(_access);
                    break;
                case TypeKind.Enum:
                    w.Write($"{_access}{q}.Value");
                    break;
                case TypeKind.Boolean:
                    w.Write(_nullable ? $"({_access} is null ? null : {_access}.Value ? \"true\" : \"false\")" : $"({_access} ? \"true\" : \"false\")");
                    break;
                case TypeKind.Uuid:
                    w.Write($"{_access}{q}.ToString(\"D\")");
                    break;
                case TypeKind.DateTime:
                    w.Write($"{Runtime}.WireFormat.DateTime({_access})");
                    break;
                case TypeKind.Date:
                    w.Write(w.DateOnly ? $"{Runtime}.WireFormat.Date({_access}{q}.{TypeSyntax.DateOnlyToDateTime})" : $"{Runtime}.WireFormat.Date({_access})");
                    break;
                case TypeKind.Number:
                    w.Write($"{_access}{q}.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)");
                    break;
                default:
                    w.Write($"{_access}{q}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)");
                    break;
            }
        }
    }

    /// <summary>The function giving an array element's text: <c>static v => ...</c>, cached by the compiler.</summary>
    private readonly struct ElementText : ISourcePiece
    {
        private readonly TypeRef _element;

        public ElementText(TypeRef element) => _element = element;

        public void WriteTo(SourceWriter w) => w.Write($"static v => {new WireText(_element, false, "v")}");
    }
}
