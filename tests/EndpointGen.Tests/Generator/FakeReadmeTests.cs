using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EndpointGen.Tests.Infrastructure;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The README's "Testing with generated fakes" example is the test project tests/EndpointGen.ReadmeFakes.Tests as written:
/// its test file is the README's C# block, and its project sets the README's properties (its package references are
/// project references there), so running that project runs the README's example.
/// </summary>
public sealed class FakeReadmeTests
{
    private static string Section
    {
        get
        {
            var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var start = readme.IndexOf("\n## Testing with generated fakes\n", StringComparison.Ordinal);
            Assert.True(start >= 0, "README.md has no section 'Testing with generated fakes'.");
            var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
            return readme[start..end];
        }
    }

    private static string ProjectFolder => Path.Combine(Repository.Root, "tests", "EndpointGen.ReadmeFakes.Tests");

    [Fact]
    public void The_readme_test_is_the_test_file_of_the_readme_fakes_project()
    {
        var block = Block(Section, "csharp");
        var file = File.ReadAllText(Path.Combine(ProjectFolder, "LiveDeskContactsTests.cs")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(file, block);
    }

    [Fact]
    public void The_readme_project_lines_are_those_of_the_readme_fakes_project()
    {
        var project = File.ReadAllText(Path.Combine(ProjectFolder, "EndpointGen.ReadmeFakes.Tests.csproj"));
        var xml = Block(Section, "xml");
        var settings = xml.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("<EndpointGen", StringComparison.Ordinal) || line.StartsWith("<TargetFramework>", StringComparison.Ordinal)
            || line.StartsWith("<ImplicitUsings>", StringComparison.Ordinal) || line.StartsWith("<Nullable>", StringComparison.Ordinal) || line.StartsWith("<!--", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, settings.Count);
        Assert.All(settings, line => Assert.Contains(line, project, StringComparison.Ordinal));

        // The README's package references are the repository's projects of the same name.
        Assert.Contains("""<PackageReference Include="EndpointGen.Testing" Version="0.1.0" />""", xml, StringComparison.Ordinal);
        Assert.Contains("""<ProjectReference Include="../../src/EndpointGen.Testing/EndpointGen.Testing.csproj" />""", project, StringComparison.Ordinal);
        Assert.Contains("""<AdditionalFiles Include="../spec/livedesk.endpoints.yaml" />""", xml, StringComparison.Ordinal);
        Assert.Contains("""<AdditionalFiles Include="../../spec/livedesk.endpoints.yaml" />""", project, StringComparison.Ordinal);
    }

    private static string Block(string markdown, string language) =>
        Assert.Single(Regex.Matches(markdown, "^```" + language + "\\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)).Groups["body"].Value;
}
