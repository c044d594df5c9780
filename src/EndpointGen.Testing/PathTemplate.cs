using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace EndpointGen.Testing;

/// <summary>
/// An endpoint's path template (<c>chats/{chat_id}/message</c>) matched against the end of a request path, segment by
/// segment, each segment percent-decoded first: the base address is the client's, so only the endpoint's own segments
/// are the descriptor's to check.
/// </summary>
internal sealed class PathTemplate
{
    private readonly Regex[] _segments;
    private readonly string[][] _names;

    public PathTemplate(string template)
    {
        var parts = template.Trim('/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        _segments = new Regex[parts.Length];
        _names = new string[parts.Length][];
        for (var i = 0; i < parts.Length; i++)
        {
            var pattern = new StringBuilder("^");
            var names = new List<string>();
            var text = parts[i];
            var at = 0;
            while (at < text.Length)
            {
                var open = text.IndexOf('{', at);
                var close = open < 0 ? -1 : text.IndexOf('}', open);
                if (open < 0 || close < 0)
                {
                    pattern.Append(Regex.Escape(text.Substring(at)));
                    break;
                }

                pattern.Append(Regex.Escape(text.Substring(at, open - at)));
                names.Add(text.Substring(open + 1, close - open - 1));
                pattern.Append("(.+?)");
                at = close + 1;
            }

            pattern.Append('$');
            _segments[i] = new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
            _names[i] = names.ToArray();
        }
    }

    /// <summary>How many segments the template has: a longer template that matches is the more specific one.</summary>
    public int Length => _segments.Length;

    /// <summary>The values of the placeholders when the path ends with the template's segments, else <see langword="null"/>.</summary>
    /// <param name="segments">The request path's segments, percent-decoded.</param>
    public Dictionary<string, string>? Match(IReadOnlyList<string> segments)
    {
        if (segments.Count < _segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var offset = segments.Count - _segments.Length;
        for (var i = 0; i < _segments.Length; i++)
        {
            var match = _segments[i].Match(segments[offset + i]);
            if (!match.Success)
            {
                return null;
            }

            for (var n = 0; n < _names[i].Length; n++)
            {
                values[_names[i][n]] = match.Groups[n + 1].Value;
            }
        }

        return values;
    }

    /// <summary>A request path's segments, each percent-decoded (an escaped <c>/</c> stays inside its segment).</summary>
    public static List<string> Segments(Uri uri)
    {
        var raw = uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var segments = new List<string>(raw.Length);
        foreach (var segment in raw)
        {
            segments.Add(Uri.UnescapeDataString(segment));
        }

        return segments;
    }
}
