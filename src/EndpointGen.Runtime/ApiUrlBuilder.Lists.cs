using System;
using System.Collections.Generic;

namespace EndpointGen.Runtime;

/// <content>Array query parameters, in the three styles a descriptor can name.</content>
public partial struct ApiUrlBuilder
{
    /// <summary>
    /// Adds an array query parameter as the key repeated for each element (<c>labels=a&amp;labels=b</c>);
    /// <see langword="null"/> and an empty list are omitted.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">The query key.</param>
    /// <param name="values">The elements.</param>
    /// <param name="format">The element's text (its wire format); an element it gives <see langword="null"/> for is refused.</param>
    /// <exception cref="ArgumentException">An element is <see langword="null"/>.</exception>
    public void AddQueryRepeat<T>(string name, IReadOnlyList<T>? values, Func<T, string> format) => AddQueryList(name, values, format, false);

    /// <summary>
    /// Adds an array query parameter as the key with <c>[]</c> repeated for each element (<c>labels[]=a&amp;labels[]=b</c>);
    /// <see langword="null"/> and an empty list are omitted.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">The query key, without the brackets.</param>
    /// <param name="values">The elements.</param>
    /// <param name="format">The element's text (its wire format); an element it gives <see langword="null"/> for is refused.</param>
    /// <exception cref="ArgumentException">An element is <see langword="null"/>.</exception>
    public void AddQueryBrackets<T>(string name, IReadOnlyList<T>? values, Func<T, string> format) => AddQueryList(name, values, format, true);

    /// <summary>
    /// Adds an array query parameter as one value, the escaped elements joined with unescaped commas
    /// (<c>labels=a,b</c>; a comma inside an element is sent as <c>%2C</c>); <see langword="null"/> and an empty list are omitted.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">The query key.</param>
    /// <param name="values">The elements.</param>
    /// <param name="format">The element's text (its wire format); an element it gives <see langword="null"/> for is refused.</param>
    /// <exception cref="ArgumentException">An element is <see langword="null"/>.</exception>
    public void AddQueryComma<T>(string name, IReadOnlyList<T>? values, Func<T, string> format)
    {
        if (values is null || values.Count == 0)
        {
            return;
        }

        // A refused element rolls the URL back to where it was, so no array of texts is needed to check them first.
        var (length, hasQuery) = (_length, _hasQuery);
        StartListParameter(name, false);
        for (var i = 0; i < values.Count; i++)
        {
            var text = Format(name, values, format, i, length, hasQuery);
            if (i > 0)
            {
                Ensure(1);
                _buffer![_length++] = ',';
            }

            Append(Uri.EscapeDataString(text), 0);
        }
    }

    private void AddQueryList<T>(string name, IReadOnlyList<T>? values, Func<T, string> format, bool brackets)
    {
        if (values is null || values.Count == 0)
        {
            return;
        }

        var (length, hasQuery) = (_length, _hasQuery);
        for (var i = 0; i < values.Count; i++)
        {
            var text = Format(name, values, format, i, length, hasQuery);
            StartListParameter(name, brackets);
            Append(Uri.EscapeDataString(text), 0);
        }
    }

    private string Format<T>(string name, IReadOnlyList<T> values, Func<T, string> format, int index, int length, bool hasQuery)
    {
        if (format is null)
        {
            throw new ArgumentNullException(nameof(format));
        }

        var value = values[index];
        if ((value is null ? null : format(value)) is { } text)
        {
            return text;
        }

        _length = length;
        _hasQuery = hasQuery;
        throw new ArgumentException($"The query parameter '{name}' holds a null element at index {index}; a list is sent as it is, so none can be left out.", nameof(values));
    }

    private void StartListParameter(string name, bool brackets)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        Ensure(1);
        _buffer![_length++] = _hasQuery ? '&' : '?';
        _hasQuery = true;
        Append(Uri.EscapeDataString(name), 0);
        Ensure(3);
        if (brackets)
        {
            // Written as the descriptor and the vendors' pages spell them; servers that decode keys read %5B%5D the same.
            _buffer![_length++] = '[';
            _buffer![_length++] = ']';
        }

        _buffer![_length++] = '=';
    }
}
