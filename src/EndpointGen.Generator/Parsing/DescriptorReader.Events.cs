using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// Event-stream answers: a response's <c>encoding</c> (<c>json</c>, the default, or <c>events</c>, a
/// <c>text/event-stream</c> whose events' data is JSON of <c>type</c>, or text with <c>type: text</c>).
/// </content>
internal sealed partial class DescriptorReader
{
    private static readonly string[] s_responseEncodings = { "json", "events" };

    /// <summary>
    /// Reads a response's <c>encoding</c> beside its already-read <c>type</c>: an event stream needs the type of its
    /// events' data, which is JSON (any JSON type) or <c>text</c>, never <c>bytes</c> or <c>stream</c>; an explicit
    /// <c>json</c> is not written beside a content type.
    /// </summary>
    /// <returns>Whether the answer is an event stream, or <see langword="null"/> when the encoding is in error (reported).</returns>
    private bool? ReadResponseEncoding(YamlMapping response, YamlNode? encodingNode, TypeRef? type, YamlNode? typeNode)
    {
        if (encodingNode is null)
        {
            return false;
        }

        var ok = true;
        var encoding = Choice(encodingNode, "encoding", s_responseEncodings, ref ok);
        if (!ok)
        {
            return null;
        }

        if (encoding == "json")
        {
            if (type is { IsContent: true })
            {
                Report(DiagnosticDescriptors.InvalidTypeUse, typeNode!.Location, type.Display, "with 'encoding: json'; a bytes, stream or text answer is not JSON: leave 'encoding' out");
                return null;
            }

            return false;
        }

        if (type is null)
        {
            Report(DiagnosticDescriptors.MissingKey, response.Location, "type", "a response with 'encoding: events' (the type of each event's data, or text)");
            return null;
        }

        if (type.Kind is TypeKind.Bytes or TypeKind.Stream)
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, typeNode!.Location, type.Display, "as the data of events ('encoding: events'); an event's data is JSON of a type, or 'text'");
            return null;
        }

        return true;
    }
}
