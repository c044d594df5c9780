using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EndpointGen.Generator.Diagnostics;

/// <summary>
/// A position in a descriptor file as plain data. A Roslyn <see cref="Location"/> is only built in the output
/// step, so the cached models hold no Roslyn objects.
/// </summary>
/// <param name="Line">Zero-based line.</param>
/// <param name="Column">Zero-based column.</param>
internal readonly record struct LocationInfo(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn)));
}
