using System;
using System.Buffers.Text;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ContactCenter.Ccai;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>
/// The exact form of <see cref="CcaiCustomData"/>'s requests (the two variants of the union
/// <see cref="CustomDataRequest"/>) and JWTs, checked byte for byte and against an HMAC computed here. The sandbox's acceptance of them is in <see cref="CcaiEndToEndTests"/>.
/// </summary>
public sealed class CcaiCustomDataTests
{
    private const string Secret = "company-secret";
    private static readonly DateTimeOffset IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1729679993);

    [Fact]
    public void The_signed_data_is_a_compact_HS256_JWT_over_custom_data_iat_and_exp()
    {
        var data = new CcaiCustomData().Add("field1", "dummy111", "LABEL 1").BadActor(true).Add("score", 4.5);

        var jwt = data.CreateSignedData(Secret, IssuedAt, TimeSpan.FromHours(1));

        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.All(parts, part => Assert.Matches("^[A-Za-z0-9_-]+$", part));
        Assert.Equal("""{"alg":"HS256","typ":"JWT"}""", Decode(parts[0]));
        Assert.Equal(
            """{"custom_data":{"field1":{"label":"LABEL 1","value":"dummy111"},"reserved_bad_actor":{"value":true},"score":{"value":4.5}},"iat":1729679993,"exp":1729683593}""",
            Decode(parts[1]));
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(expected, Base64Url.DecodeFromChars(parts[2]));
    }

    [Fact]
    public void The_signed_request_carries_only_signed_and_the_token()
    {
        CustomDataRequest request = new CcaiCustomData().VerifiedCustomer(true).ToSignedRequest(Secret, IssuedAt, TimeSpan.FromMinutes(5));

        var signed = Assert.IsType<SignedCustomData>(request);
        var token = new CcaiCustomData().VerifiedCustomer(true).CreateSignedData(Secret, IssuedAt, TimeSpan.FromMinutes(5));
        Assert.Equal(token, signed.SignedData);
        Assert.Equal("{\"signed\":true,\"signed_data\":\"" + token + "\"}", Json(request));
    }

    [Fact]
    public void The_unsigned_request_keeps_the_entries_in_the_order_they_were_added()
    {
        var request = new CcaiCustomData().RepeatCustomer(false).Add("b", "2").Add("a", 1L).Add("json", new JsonObject { ["x"] = 1 }).ToUnsignedRequest();

        Assert.Equal(["reserved_repeat_customer", "b", "a", "json"], request.Data.Keys);
        Assert.Equal("""{"x":1}""", request.Data["json"].Value!.ToJsonString());
        Assert.Equal(
            """{"signed":false,"data":{"reserved_repeat_customer":{"value":false},"b":{"value":"2"},"a":{"value":1},"json":{"value":{"x":1}}}}""",
            Json(request));
    }

    [Fact]
    public void A_body_is_one_variant_of_the_union_so_it_never_carries_neither_or_both()
    {
        // The union has no public constructor: a body is unsigned data, signed data, or one read from JSON.
        Assert.True(typeof(CustomDataRequest).IsAbstract);
        Assert.DoesNotContain(typeof(CustomDataRequest).GetConstructors(), c => c.IsPublic);
        Assert.Equal(typeof(CustomDataRequest), typeof(UnsignedCustomData).BaseType);
        Assert.Equal(typeof(CustomDataRequest), typeof(SignedCustomData).BaseType);
        Assert.DoesNotContain(typeof(UnsignedCustomData).GetProperties(), p => p.Name is "Signed" or "SignedData");
        Assert.DoesNotContain(typeof(SignedCustomData).GetProperties(), p => p.Name is "Signed" or "Data");
    }

    [Fact]
    public void A_node_changed_after_it_was_added_does_not_change_what_is_sent()
    {
        var node = new JsonObject { ["x"] = 1 };
        var data = new CcaiCustomData().Add("json", node);

        node["x"] = 2;

        Assert.Equal("""{"x":1}""", data.ToUnsignedRequest().Data["json"].Value!.ToJsonString());
    }

    [Fact]
    public void Mistakes_are_refused_before_anything_is_sent()
    {
        Assert.Throws<ArgumentException>(() => new CcaiCustomData().Add("field1", "a").Add("field1", "b"));
        Assert.Throws<ArgumentException>(() => new CcaiCustomData().Add("", "a"));
        Assert.Throws<ArgumentException>(() => new CcaiCustomData().Add("score", double.NaN));
        Assert.Throws<InvalidOperationException>(() => new CcaiCustomData().ToUnsignedRequest());
        Assert.Throws<InvalidOperationException>(() => new CcaiCustomData().CreateSignedData(Secret, IssuedAt, TimeSpan.FromMinutes(5)));
        Assert.Throws<ArgumentException>(() => new CcaiCustomData().VerifiedCustomer(true).CreateSignedData("", IssuedAt, TimeSpan.FromMinutes(5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CcaiCustomData().VerifiedCustomer(true).CreateSignedData(Secret, IssuedAt, TimeSpan.Zero));
    }

    private static string Decode(string part) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(part));

    private static string Json(CustomDataRequest request) => EndpointGen.Tests.Json.GeneratedJson.Write(request);
}
