using System;
using System.Collections.Generic;

namespace EndpointGen.Runtime;

/// <summary>
/// The value of a three-state field (<c>threeState: true</c> in the descriptor): <em>unset</em>, so the property is
/// left out of the JSON; set to <see langword="null"/>, so it is sent as <c>null</c>; or set to a value, sent as it is.
/// </summary>
/// <typeparam name="T">
/// The property's type, always a nullable one: <c>Optional&lt;string?&gt;</c>, <c>Optional&lt;int?&gt;</c>, so that
/// <see langword="null"/> is one of the values.
/// </typeparam>
/// <remarks>
/// <para>
/// Assign a value or <see langword="null"/> as to any property; leave the property out to send nothing. A PATCH that
/// renames a contact, clears its e-mail address and keeps its phone number:
/// </para>
/// <code>
/// var patch = new ContactPatch
/// {
///     Name = "Ada",   // sent: "name": "Ada"
///     Email = null,   // sent: "email": null
///                     // Phone not set: not sent at all
/// };
/// </code>
/// <para>
/// Reading works the same way: an absent property is unset, <c>null</c> is a set <see langword="null"/>, and a value is
/// a set value, so an object read from a GET and sent back in a PATCH sends what it received.
/// <see cref="GetValueOrDefault()"/> gives the value, or <see langword="null"/> for both absent and <c>null</c>.
/// </para>
/// <para><c>default(Optional&lt;T&gt;)</c> is <see cref="Unset"/>.</para>
/// </remarks>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    /// <summary>Creates a set value; <see langword="null"/> is a value, which is sent as JSON <c>null</c>.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    public Optional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>The unset state: the property is not sent (the same as <c>default</c>).</summary>
    public static Optional<T> Unset => default;

    /// <summary>Whether a value, <see langword="null"/> included, is set; <see langword="false"/> when unset.</summary>
    public bool IsSet { get; }

    /// <summary>The set value, which may be <see langword="null"/>.</summary>
    /// <exception cref="InvalidOperationException">The value is unset; check <see cref="IsSet"/> or use <see cref="TryGetValue"/> first.</exception>
    public T Value => IsSet
        ? _value
        : throw new InvalidOperationException($"The Optional<{TypeName}> is unset (the property was not set, or was absent from the JSON); check IsSet or call TryGetValue or GetValueOrDefault instead.");

    // Optional<int?> says "Int32?", not "Nullable`1".
    private static string TypeName => Nullable.GetUnderlyingType(typeof(T)) is { } underlying ? underlying.Name + "?" : typeof(T).Name;

    /// <summary>Converts a value, <see langword="null"/> included, into a set value.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>Compares two values: both unset, or both set to equal values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Compares two values: one unset and one set, or both set to different values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

    /// <summary>Gets the set value, if there is one.</summary>
    /// <param name="value">The set value (which may be <see langword="null"/>); <c>default</c> when unset.</param>
    /// <returns>Whether a value is set.</returns>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return IsSet;
    }

    /// <summary>The set value, or <c>default</c> (<see langword="null"/>) when unset.</summary>
    /// <returns>The value, or <c>default</c>.</returns>
    public T GetValueOrDefault() => _value;

    /// <summary>The set value, or <paramref name="defaultValue"/> when unset.</summary>
    /// <param name="defaultValue">The value for the unset state.</param>
    /// <returns>The value (which may be <see langword="null"/> when set so), or <paramref name="defaultValue"/>.</returns>
    public T GetValueOrDefault(T defaultValue) => IsSet ? _value : defaultValue;

    /// <inheritdoc/>
    public bool Equals(Optional<T> other) => IsSet == other.IsSet && (!IsSet || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => !IsSet ? 0 : _value is null ? 1 : EqualityComparer<T>.Default.GetHashCode(_value);

    /// <summary>The value's text; <c>(unset)</c> when unset and <c>(null)</c> when set to <see langword="null"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => !IsSet ? "(unset)" : _value?.ToString() ?? "(null)";
}
