using System.Net;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Client;

/// <summary>
/// <c>service.error.inSuccess</c> for each kind of compared field: a 2xx body with the value at the path throws the
/// service's exception; a different value, an absent or null step, or a body that is not the error type is the answer.
/// </summary>
public sealed class ErrorInSuccessTests
{
    public static TheoryData<string, string, string[], string[]> Cases => new()
    {
        {
            "meta.ok", "false",
            new[] { """{"meta": {"ok": false}}""", """{"meta": {"ok": false, "extra": [1]}, "value": "v"}""" },
            new[] { """{"meta": {"ok": true}}""", """{"meta": {}}""", "{}", """{"meta": null}""", """{"meta": {"ok": null}}""", """{"value": "v"}""" }
        },
        {
            "meta.code", "invalid_auth",
            new[] { """{"meta": {"code": "invalid_auth"}}""" },
            new[] { """{"meta": {"code": "Invalid_Auth"}}""", """{"meta": {"code": "invalid_auth "}}""", """{"meta": {}}""" }
        },
        {
            "meta.code", "\"false\"",
            new[] { """{"meta": {"code": "false"}}""" },
            new[] { """{"meta": {"code": "true"}}""" }
        },
        {
            "state", "failed",
            new[] { """{"state": "failed"}""" },
            new[] { """{"state": "ok"}""", """{"state": "a-value-the-enum-does-not-know"}""", "{}" }
        },
        {
            "retries", "-3",
            new[] { """{"retries": -3}""", """{"retries": "-3"}""" },
            new[] { """{"retries": 3}""", """{"retries": 0}""" }
        },
        {
            "big", "9007199254740993",
            new[] { """{"big": 9007199254740993}""" },
            new[] { """{"big": 9007199254740992}""" }
        },
        {
            "score", "0.5",
            new[] { """{"score": 0.5}""", """{"score": 5e-1}""" },
            new[] { """{"score": 0.25}""" }
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_2xx_body_is_a_failure_exactly_when_it_has_the_value_at_the_path(string path, string equals, string[] failures, string[] answers)
    {
        using var dynamic = DynamicClient.Compile($$"""
            service:
              name: Probe
              namespace: Wire.Probe
              baseUrl: https://probe.example.com/v1
              error:
                type: ProbeError
                inSuccess: { path: {{path}}, equals: {{equals}} }
            endpoints:
              Get:
                method: GET
                path: thing
                response: Thing
            types:
              Thing:
                fields:
                  value: string
              ProbeError:
                fields:
                  meta: Meta
                  state: State
                  retries: int32
                  big: int64
                  score: number
              Meta:
                fields:
                  ok: { type: boolean, nullable: true }
                  code: string
              State:
                enum: [ok, failed]
            """);

        foreach (var body in failures)
        {
            var client = dynamic.Client("Wire.Probe.Probe", new StubHandler(HttpStatusCode.OK, body), dynamic.Options("Wire.Probe.Probe", _ => { }));
            var exception = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, "GetAsync"));
            Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
            Assert.Equal("Wire.Probe.ProbeError", exception.ErrorBody?.GetType().FullName);
            Assert.Equal(body, exception.ResponseBody);
        }

        foreach (var body in answers)
        {
            var client = dynamic.Client("Wire.Probe.Probe", new StubHandler(HttpStatusCode.OK, body), dynamic.Options("Wire.Probe.Probe", _ => { }));
            var thing = await DynamicClient.CallAsync(client, "GetAsync");
            Assert.Equal("Wire.Probe.Thing", thing?.GetType().FullName);
        }
    }
}
