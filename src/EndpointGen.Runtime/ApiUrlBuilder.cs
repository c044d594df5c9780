using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;

namespace EndpointGen.Runtime;

/// <summary>
/// Builds a request URI in one pass over a buffer rented from <see cref="ArrayPool{T}.Shared"/> (allocated instead when
/// it would exceed 1 MiB, so that the pool never keeps a large one): the base address,
/// the path literals and escaped path parameters, then the query, with the escaping rules of
/// <see cref="ApiUrl.EscapePathSegment(string)"/>. For generated code only.
/// </summary>
/// <remarks>
/// A mutable struct: keep it in a local and call its methods on that local, never on a copy. <see cref="ToUri"/>
/// returns the buffer; a builder abandoned by an exception leaves its buffer to the garbage collector.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public partial struct ApiUrlBuilder
{
    private char[]? _buffer;
    private int _length;
    private int _baseLength;
    private bool _hasQuery;

    /// <summary>Starts a URI at a base address.</summary>
    /// <param name="baseAddress">A base address from <see cref="ApiUrl.NormalizeBaseAddress"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseAddress"/> is <see langword="null"/>.</exception>
    internal ApiUrlBuilder(Uri baseAddress)
    {
        if (baseAddress is null)
        {
            throw new ArgumentNullException(nameof(baseAddress));
        }

        var text = baseAddress.AbsoluteUri;
        _buffer = BufferPool.RentChars(text.Length + 128);
        text.CopyTo(0, _buffer, 0, text.Length);
        _length = text.Length;
        _baseLength = text.Length;
        _hasQuery = false;
    }

    /// <summary>
    /// Appends a literal part of the path, already escaped. A leading slash of the first part is ignored, so the
    /// path is appended to the base address's path and never replaces it.
    /// </summary>
    /// <param name="literal">The literal.</param>
    /// <exception cref="InvalidOperationException">A query parameter was already added.</exception>
    public void AppendPath(string literal)
    {
        if (literal is null)
        {
            throw new ArgumentNullException(nameof(literal));
        }

        EnsurePath();
        var start = _length == _baseLength && literal.Length > 0 && literal[0] == '/' ? 1 : 0;
        Append(literal, start);
    }

    /// <summary>Appends a path parameter, escaped to stay inside one segment (see <see cref="ApiUrl.EscapePathSegment(string)"/>).</summary>
    /// <param name="value">The raw value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The value is empty, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="InvalidOperationException">A query parameter was already added.</exception>
    public void AppendSegment(string value)
    {
        // The same checks and escaping as ApiUrl.EscapePathSegment, which throws before anything is appended.
        var escaped = ApiUrl.EscapePathSegment(value);
        EnsurePath();
        Append(escaped, 0);
    }

    /// <summary>Appends a path parameter.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">A query parameter was already added.</exception>
    public void AppendSegment(long value)
    {
        EnsurePath();
#if NET5_0_OR_GREATER
        Ensure(20);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
#else
        Append(value.ToString(CultureInfo.InvariantCulture), 0);
#endif
    }

    /// <summary>Appends a path parameter.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">A query parameter was already added.</exception>
    public void AppendSegment(int value) => AppendSegment((long)value);

    /// <summary>Appends a path parameter in the 8-4-4-4-12 form.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">A query parameter was already added.</exception>
    public void AppendSegment(Guid value)
    {
        EnsurePath();
#if NET5_0_OR_GREATER
        Ensure(36);
        value.TryFormat(_buffer.AsSpan(_length), out var written, "D");
        _length += written;
#else
        Append(value.ToString("D"), 0);
#endif
    }

    /// <summary>Adds a string query parameter; <see langword="null"/> and the empty string are omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        StartQueryParameter(name);
        Append(Uri.EscapeDataString(value!), 0);
    }

    /// <summary>Adds an integer query parameter; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, int? value)
    {
        if (value is int number)
        {
            AddInteger(name, number);
        }
    }

    /// <summary>Adds an integer query parameter; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, long? value)
    {
        if (value is long number)
        {
            AddInteger(name, number);
        }
    }

    /// <summary>Adds a number query parameter in its shortest round-trip form; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, double? value) => AddQuery(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean query parameter as <c>true</c> or <c>false</c>; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, bool? value) => AddQuery(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds a UUID query parameter; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, Guid? value)
    {
        if (value is not Guid guid)
        {
            return;
        }

#if NET5_0_OR_GREATER
        // Hexadecimal digits and hyphens: nothing to escape.
        StartQueryParameter(name);
        Ensure(36);
        guid.TryFormat(_buffer.AsSpan(_length), out var written, "D");
        _length += written;
#else
        AddQuery(name, guid.ToString("D"));
#endif
    }

    /// <summary>Adds an ISO 8601 date-time query parameter; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void AddQuery(string name, DateTimeOffset? value) => AddQuery(name, WireFormat.DateTime(value));

    /// <summary>The URI built, after which the builder is spent: its buffer goes back to the pool.</summary>
    /// <returns>The request URI.</returns>
    /// <exception cref="InvalidOperationException">The builder was not started with a base address, or is spent.</exception>
    public Uri ToUri()
    {
        var buffer = _buffer ?? throw new InvalidOperationException("The URL builder was not started with a base address, or its URI was already taken.");
        var text = new string(buffer, 0, _length);
        _buffer = null;
        _length = 0;
        BufferPool.Return(buffer);
        return new Uri(text, UriKind.Absolute);
    }

    /// <summary>The URI built so far, for debugging.</summary>
    /// <returns>The text.</returns>
    public override readonly string ToString() => _buffer is null ? string.Empty : new string(_buffer, 0, _length);

    private void AddInteger(string name, long value)
    {
#if NET5_0_OR_GREATER
        // Digits and a minus sign: nothing to escape.
        StartQueryParameter(name);
        Ensure(20);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
#else
        AddQuery(name, value.ToString(CultureInfo.InvariantCulture));
#endif
    }

    private void StartQueryParameter(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        Ensure(1);
        _buffer![_length++] = _hasQuery ? '&' : '?';
        _hasQuery = true;
        Append(Uri.EscapeDataString(name), 0);
        Ensure(1);
        _buffer![_length++] = '=';
    }

    private readonly void EnsurePath()
    {
        if (_hasQuery)
        {
            throw new InvalidOperationException("The path cannot grow after a query parameter was added.");
        }
    }

    private void Append(string text, int start)
    {
        var count = text.Length - start;
        if (count <= 0)
        {
            return;
        }

        Ensure(count);
        text.CopyTo(start, _buffer!, _length, count);
        _length += count;
    }

    private void Ensure(int count)
    {
        var buffer = _buffer ?? throw new InvalidOperationException("The URL builder was not started with a base address, or its URI was already taken.");
        if (buffer.Length - _length >= count)
        {
            return;
        }

        var larger = BufferPool.RentChars((int)Math.Min(Math.Max((long)buffer.Length * 2, (long)_length + count), 0x7FFFFFC7));
        Array.Copy(buffer, larger, _length);
        _buffer = larger;
        BufferPool.Return(buffer);
    }
}
