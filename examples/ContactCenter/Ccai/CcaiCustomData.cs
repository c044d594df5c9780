using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactCenter.Ccai;

/// <summary>
/// Builds the custom data a CCAI chat receives through <c>SendCustomData</c>, either as plain data
/// (<see cref="ToUnsignedRequest"/>, an <see cref="UnsignedCustomData"/>) or signed with the company secret
/// (<see cref="ToSignedRequest"/>, a <see cref="SignedCustomData"/>), so that CCAI can trust it came from your
/// backend. Both are variants of the union <see cref="CustomDataRequest"/>, so a body carries exactly one of
/// <c>data</c> and <c>signed_data</c>.
/// </summary>
/// <remarks>
/// <para>
/// Signed data is a compact JWT (HS256) over <c>{"custom_data": {...}, "iat": unix-seconds, "exp": unix-seconds}</c>,
/// where <c>custom_data</c> holds the same entries the unsigned form sends as <c>data</c>. It is built with
/// <see cref="HMACSHA256"/> and <see cref="Utf8JsonWriter"/> alone: no JWT package, no reflection, so it
/// stays trimming- and AOT-safe.
/// </para>
/// <para>
/// The reserved keys <see cref="VerifiedCustomerKey"/>, <see cref="BadActorKey"/> and
/// <see cref="RepeatCustomerKey"/> (boolean values) also set the chat's customer flags.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var data = new CcaiCustomData().Add("order_id", "A-1001", "Order").VerifiedCustomer(true);
/// await ccai.SendCustomDataAsync(chatId, data.ToSignedRequest(companySecret, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
/// </code>
/// </example>
public sealed class CcaiCustomData
{
    /// <summary>The reserved key that sets the <c>verified_customer</c> flag.</summary>
    public const string VerifiedCustomerKey = "reserved_verified_customer";

    /// <summary>The reserved key that sets the <c>bad_actor</c> flag.</summary>
    public const string BadActorKey = "reserved_bad_actor";

    /// <summary>The reserved key that sets the <c>repeat_customer</c> flag.</summary>
    public const string RepeatCustomerKey = "reserved_repeat_customer";

    private static readonly JsonEncodedText s_customData = JsonEncodedText.Encode("custom_data");
    private static readonly JsonEncodedText s_issuedAt = JsonEncodedText.Encode("iat");
    private static readonly JsonEncodedText s_expiresAt = JsonEncodedText.Encode("exp");
    private static readonly JsonEncodedText s_label = JsonEncodedText.Encode("label");
    private static readonly JsonEncodedText s_value = JsonEncodedText.Encode("value");

    // The header never changes, so its base64url form is computed once.
    private static readonly string s_header = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);

    // A list rather than a dictionary: the entries are sent in the order they were added.
    private readonly List<KeyValuePair<string, CustomDataField>> _fields = [];

    /// <summary>The number of entries added.</summary>
    public int Count => _fields.Count;

    /// <summary>Adds an entry with any JSON value.</summary>
    /// <param name="key">The entry's key (<c>field1</c>, <c>order_id</c>, or a reserved key).</param>
    /// <param name="value">The value; <see langword="null"/> sends JSON <c>null</c>. It is copied, so later changes to the node are not sent.</param>
    /// <param name="label">The label agents see; omitted when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The key is empty or was already added.</exception>
    public CcaiCustomData Add(string key, JsonNode? value, string? label = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        foreach (var field in _fields)
        {
            if (string.Equals(field.Key, key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The custom data key '{key}' was already added.", nameof(key));
            }
        }

        _fields.Add(new(key, new CustomDataField { Label = label, Value = value?.DeepClone() }));
        return this;
    }

    /// <summary>Adds an entry with a text value.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The label agents see; omitted when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The key is empty or was already added.</exception>
    public CcaiCustomData Add(string key, string value, string? label = null) => Add(key, JsonValue.Create(value), label);

    /// <summary>Adds an entry with a boolean value.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The label agents see; omitted when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The key is empty or was already added.</exception>
    public CcaiCustomData Add(string key, bool value, string? label = null) => Add(key, JsonValue.Create(value), label);

    /// <summary>Adds an entry with an integer value.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="value">The value.</param>
    /// <param name="label">The label agents see; omitted when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The key is empty or was already added.</exception>
    public CcaiCustomData Add(string key, long value, string? label = null) => Add(key, JsonValue.Create(value), label);

    /// <summary>Adds an entry with a number value.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="value">The value; NaN and infinities have no JSON form.</param>
    /// <param name="label">The label agents see; omitted when <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The key is empty or was already added, or the value is NaN or infinite.</exception>
    public CcaiCustomData Add(string key, double value, string? label = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("JSON has no form for NaN or infinity.", nameof(value));
        }

        return Add(key, JsonValue.Create(value), label);
    }

    /// <summary>Sets the <c>verified_customer</c> customer flag (<see cref="VerifiedCustomerKey"/>).</summary>
    /// <param name="value">Whether the customer is verified.</param>
    /// <returns>This builder.</returns>
    public CcaiCustomData VerifiedCustomer(bool value) => Add(VerifiedCustomerKey, value);

    /// <summary>Sets the <c>bad_actor</c> customer flag (<see cref="BadActorKey"/>).</summary>
    /// <param name="value">Whether the customer is a bad actor.</param>
    /// <returns>This builder.</returns>
    public CcaiCustomData BadActor(bool value) => Add(BadActorKey, value);

    /// <summary>Sets the <c>repeat_customer</c> customer flag (<see cref="RepeatCustomerKey"/>).</summary>
    /// <param name="value">Whether the customer is a repeat customer.</param>
    /// <returns>This builder.</returns>
    public CcaiCustomData RepeatCustomer(bool value) => Add(RepeatCustomerKey, value);

    /// <summary>The request body that sends the entries as plain data: <c>{"signed": false, "data": {...}}</c>.</summary>
    /// <returns>The body for <see cref="CcaiClient.SendCustomDataAsync"/> (the union's unsigned variant).</returns>
    /// <exception cref="InvalidOperationException">No entry was added (CCAI refuses empty data).</exception>
    public UnsignedCustomData ToUnsignedRequest()
    {
        RequireEntries();
        var data = new Dictionary<string, CustomDataField>(_fields.Count, StringComparer.Ordinal);
        foreach (var field in _fields)
        {
            data.Add(field.Key, field.Value);
        }

        return new UnsignedCustomData { Data = data };
    }

    /// <summary>The request body that sends the entries signed: <c>{"signed": true, "signed_data": "&lt;JWT&gt;"}</c>.</summary>
    /// <param name="companySecret">The company secret from the CCAI Platform settings (the HS256 key, used as its UTF-8 bytes).</param>
    /// <param name="issuedAt">The token's issue time (<c>iat</c>); pass the current time.</param>
    /// <param name="lifetime">How long CCAI accepts the token after <paramref name="issuedAt"/> (<c>exp</c>); minutes are plenty.</param>
    /// <returns>The body for <see cref="CcaiClient.SendCustomDataAsync"/> (the union's signed variant).</returns>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is shorter than one second.</exception>
    /// <exception cref="InvalidOperationException">No entry was added.</exception>
    public SignedCustomData ToSignedRequest(string companySecret, DateTimeOffset issuedAt, TimeSpan lifetime) =>
        new() { SignedData = CreateSignedData(companySecret, issuedAt, lifetime) };

    /// <summary>The compact HS256 JWT over <c>{"custom_data": {...}, "iat", "exp"}</c> that <see cref="ToSignedRequest"/> sends.</summary>
    /// <param name="companySecret">The company secret (the HS256 key, used as its UTF-8 bytes).</param>
    /// <param name="issuedAt">The token's issue time (<c>iat</c>).</param>
    /// <param name="lifetime">How long the token is valid (<c>exp</c> = <c>iat</c> + lifetime, in whole seconds).</param>
    /// <returns>The token: <c>header.payload.signature</c>, each part base64url without padding.</returns>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is shorter than one second.</exception>
    /// <exception cref="InvalidOperationException">No entry was added.</exception>
    public string CreateSignedData(string companySecret, DateTimeOffset issuedAt, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(companySecret);
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.FromSeconds(1));
        RequireEntries();

        var iat = issuedAt.ToUnixTimeSeconds();
        var payload = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(s_customData);
            writer.WriteStartObject();
            foreach (var field in _fields)
            {
                writer.WritePropertyName(field.Key);
                WriteField(writer, field.Value);
            }

            writer.WriteEndObject();
            writer.WriteNumber(s_issuedAt, iat);
            writer.WriteNumber(s_expiresAt, iat + (long)lifetime.TotalSeconds);
            writer.WriteEndObject();
        }

        var signingInput = s_header + "." + Base64Url.EncodeToString(payload.WrittenSpan);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(companySecret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Writes an entry exactly as the unsigned <c>data</c> carries it: <c>{"label"?, "value"}</c>.</summary>
    private static void WriteField(Utf8JsonWriter writer, CustomDataField field)
    {
        writer.WriteStartObject();
        if (field.Label is { } label)
        {
            writer.WriteString(s_label, label);
        }

        writer.WritePropertyName(s_value);
        if (field.Value is { } value)
        {
            value.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }

    private void RequireEntries()
    {
        if (_fields.Count == 0)
        {
            throw new InvalidOperationException("Add at least one custom data entry: CCAI refuses empty custom data.");
        }
    }
}
