using System;
using EndpointGen.Runtime;
using Xunit;

namespace EndpointGen.Tests.Runtime;

/// <summary><see cref="Optional{T}"/> as a user meets it: three states, each unmistakable.</summary>
public sealed class OptionalTests
{
    [Fact]
    public void Default_is_unset_and_its_value_throws_saying_what_to_do()
    {
        Optional<string?> unset = default;

        Assert.False(unset.IsSet);
        Assert.Equal(Optional<string?>.Unset, unset);
        Assert.False(unset.TryGetValue(out var value));
        Assert.Null(value);
        Assert.Null(unset.GetValueOrDefault());
        Assert.Equal("fallback", unset.GetValueOrDefault("fallback"));
        var exception = Assert.Throws<InvalidOperationException>(() => unset.Value);
        Assert.Equal("The Optional<String> is unset (the property was not set, or was absent from the JSON); check IsSet or call TryGetValue or GetValueOrDefault instead.", exception.Message);
        Assert.Equal("(unset)", unset.ToString());
        Assert.StartsWith("The Optional<Int32?> is unset", Assert.Throws<InvalidOperationException>(() => default(Optional<int?>).Value).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_a_set_value()
    {
        Optional<string?> cleared = null;
        Optional<int?> clearedNumber = null;

        Assert.True(cleared.IsSet);
        Assert.Null(cleared.Value);
        Assert.True(cleared.TryGetValue(out var value));
        Assert.Null(value);
        Assert.Null(cleared.GetValueOrDefault("fallback"));
        Assert.True(clearedNumber.IsSet);
        Assert.Null(clearedNumber.Value);
        Assert.Equal("(null)", cleared.ToString());
        Assert.NotEqual(Optional<string?>.Unset, cleared);
    }

    [Fact]
    public void A_value_converts_implicitly_and_compares_by_value()
    {
        Optional<string?> name = "Ada";
        Optional<int?> age = 36;

        Assert.True(name.IsSet);
        Assert.Equal("Ada", name.Value);
        Assert.Equal(36, age.Value);
        Assert.True(name == new Optional<string?>("Ada"));
        Assert.True(name != "Bob");
        Assert.True(name != null);
        Assert.True(name != Optional<string?>.Unset);
        Assert.Equal(new Optional<string?>("Ada").GetHashCode(), name.GetHashCode());
        Assert.NotEqual(Optional<string?>.Unset.GetHashCode(), new Optional<string?>(null).GetHashCode());
        Assert.Equal("Ada", name.ToString());
        Assert.Equal("36", age.ToString());
        Assert.True(name.Equals((object)new Optional<string?>("Ada")));
        Assert.False(name.Equals((object)"Ada"));
    }
}
