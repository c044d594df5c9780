namespace EndpointGen.Generator.Emitting;

/// <summary>
/// A property's documentation on one line where it fits: the descriptor's description, then the wire facts (JSON name,
/// example, default) in the same summary, instead of a summary line and a remarks line per property. A description
/// of several lines keeps its own summary block, and the facts go into remarks.
/// </summary>
internal static class MemberDoc
{
    /// <summary>Opens the summary (or, after a summary of several lines, the remarks); the caller writes the facts, then <see cref="Close"/>.</summary>
    /// <returns>The closing tag to pass to <see cref="Close"/>.</returns>
    public static string Open(SourceWriter w, string? description)
    {
        var text = description?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            w.Write("/// <summary>");
            return "</summary>";
        }

        if (!HasLineBreak(text!))
        {
            w.Write($"/// <summary>{Code.DocText(text!)}");
            w.Write(text![text.Length - 1] is '.' or '!' or '?' or ':' or ';' ? " " : ". ");
            return "</summary>";
        }

        w.Doc("summary", text);
        w.Write("/// <remarks>");
        return "</remarks>";
    }

    /// <summary>Ends what <see cref="Open"/> began.</summary>
    public static void Close(SourceWriter w, string tag) => w.WriteLine(tag);

    // The characters C# ends a line at, as SourceWriter.Doc splits on them.
    private static bool HasLineBreak(string text)
    {
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
