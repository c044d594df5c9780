using System;
using System.Text.Json;
using ContactCenter.Ccai;
using ContactCenter.LiveDesk;
using ContactCenter.Thulium;
using Xunit;

namespace EndpointGen.Tests.Json;

/// <summary>Reading forgives what vendors are seen to do; writing is exact and never sends unset values.</summary>
public sealed class ToleranceTests
{
    [Fact]
    public void Unknown_properties_are_skipped_with_all_their_children()
    {
        var chat = GeneratedJson.Read<Chat>("""{"brand_new": {"deep": [1, {"x": [true]}]}, "id": 7, "later": "x", "lang": "en"}""");
        Assert.Equal(7, chat.Id);
        Assert.Equal("en", chat.Lang);
    }

    [Fact]
    public void An_unknown_enum_value_is_kept_and_written_back_unchanged()
    {
        var escalation = GeneratedJson.Read<Escalation>("""{"id": 1, "chat_id": 2, "status": "paused_by_supervisor"}""");

        Assert.Equal("paused_by_supervisor", escalation.Status?.Value);
        Assert.False(escalation.Status!.IsKnown);
        Assert.Equal("""{"id":1,"chat_id":2,"status":"paused_by_supervisor"}""", GeneratedJson.Write(escalation));
    }

    [Fact]
    public void A_known_enum_value_compares_equal_to_its_member()
    {
        var escalation = GeneratedJson.Read<Escalation>("""{"status": "escalated"}""");
        Assert.True(escalation.Status == EscalationStatus.Escalated);
        Assert.True(escalation.Status!.IsKnown);
        Assert.Same(EscalationStatus.Escalated, escalation.Status);
    }

    [Fact]
    public void Integers_sent_as_numeric_strings_are_accepted()
    {
        var request = GeneratedJson.Read<CreateConversationRequest>("""{"inbox_id": "407", "contact_id": "2219256", "source_id": "123456789"}""");
        Assert.Equal(407, request.InboxId);
        Assert.Equal(2219256, request.ContactId);
        Assert.Equal("123456789", request.SourceId);

        // Writing is exact: numbers go out as numbers.
        Assert.Equal("""{"inbox_id":407,"contact_id":2219256,"source_id":"123456789"}""", GeneratedJson.Write(request));
    }

    [Fact]
    public void Documented_nulls_read_as_unset()
    {
        var contact = GeneratedJson.Read<Contact>("""{"email": null, "phone_number": null, "id": 2219256, "custom_attributes": {}}""");
        Assert.Null(contact.Email);
        Assert.Null(contact.PhoneNumber);
        Assert.Equal(2219256, contact.Id);
        Assert.NotNull(contact.CustomAttributes);
    }

    [Fact]
    public void A_unix_time_with_a_fraction_is_exact_to_the_tick_and_written_back_as_read()
    {
        var conversation = GeneratedJson.Read<Conversation>("""{"created_at": 1766572062, "updated_at": 1766572062.5803902}""");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1766572062).AddTicks(5803902), conversation.UpdatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1766572062), conversation.CreatedAt);
        Assert.Equal("""{"created_at":1766572062,"updated_at":1766572062.5803902}""", GeneratedJson.Write(conversation));
    }

    [Fact]
    public void A_date_time_without_an_offset_is_utc_whatever_the_machine_zone()
    {
        var chat = GeneratedJson.Read<Chat>("""{"created_at": "2024-05-02T10:15:30", "ends_at": "2024-05-02T12:15:30+02:00"}""");
        Assert.Equal(TimeSpan.Zero, chat.CreatedAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 10, 15, 30, TimeSpan.Zero), chat.CreatedAt);
        Assert.Equal(chat.CreatedAt, chat.EndsAt);
    }

    [Fact]
    public void Unset_optional_fields_are_omitted_never_written_as_null()
    {
        var patch = new UpdateChatRequest { Chat = new ChatUpdate { Status = "finished" } };
        Assert.Equal("""{"chat":{"status":"finished"}}""", GeneratedJson.Write(patch));
    }

    [Fact]
    public void Free_form_json_round_trips_as_written()
    {
        var request = GeneratedJson.Read<CreateChatRequest>("""{"chat": {"menu_id": 1, "context": {"value": {"foo": "bar", "n": [1, 2.5, null]}}}}""");
        Assert.Equal("bar", request.Chat.Context!["value"]!["foo"]!.GetValue<string>());
        Assert.Equal("""{"chat":{"menu_id":1,"context":{"value":{"foo":"bar","n":[1,2.5,null]}}}}""", GeneratedJson.Write(request));
    }

    [Theory]
    [InlineData("""{"name": "x"}""", "'identifier'")]
    [InlineData("""{"identifier": null}""", "'identifier'")]
    [InlineData("""{"identifier": 12}""", "Expected a string but found the number 12")]
    [InlineData("""["identifier"]""", "Expected an object")]
    public void A_body_that_does_not_match_throws_JsonException_not_a_cast_or_null_error(string json, string message)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => GeneratedJson.Read<UpdateEndUserRequest>(json));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrongly_typed_nested_value_throws_JsonException()
    {
        Assert.ThrowsAny<JsonException>(() => GeneratedJson.Read<ThuliumError>("""{"errors": [{"message": "a", "code": "twelve"}]}"""));
        Assert.ThrowsAny<JsonException>(() => GeneratedJson.Read<ThuliumError>("""{"errors": {"message": "a"}}"""));
        Assert.ThrowsAny<JsonException>(() => GeneratedJson.Read<Chat>("""{"id": 3000000000000000000000}"""));
    }

    [Fact]
    public void A_required_property_left_null_fails_clearly_when_written()
    {
        var request = new UpdateEndUserRequest { Identifier = null! };
        var exception = Assert.ThrowsAny<JsonException>(() => GeneratedJson.Write(request));
        Assert.Contains("'identifier'", exception.Message, StringComparison.Ordinal);
    }
}
