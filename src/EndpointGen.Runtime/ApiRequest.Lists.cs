using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace EndpointGen.Runtime;

/// <content>Array header parameters: one header, the elements joined with commas.</content>
public static partial class ApiRequest
{
    /// <summary>
    /// Adds an array header as one value, its elements joined with commas (<c>X-Tags: a,b</c>); <see langword="null"/>
    /// and an empty list are omitted.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="name">The header name.</param>
    /// <param name="values">The elements.</param>
    /// <param name="format">The element's text (its wire format).</param>
    /// <exception cref="ArgumentException">
    /// An element is <see langword="null"/> or empty, or holds a comma (a header list cannot tell it from two elements),
    /// or the value contains CR, LF or NUL.
    /// </exception>
    public static void AddHeaderList<T>(HttpRequestMessage request, string name, IReadOnlyList<T>? values, Func<T, string> format)
    {
        if (values is null || values.Count == 0)
        {
            return;
        }

        if (format is null)
        {
            throw new ArgumentNullException(nameof(format));
        }

        var builder = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            var text = value is null ? null : format(value);
            if (string.IsNullOrEmpty(text))
            {
                throw new ArgumentException($"The header '{name}' holds a null or empty element at index {i}; a header list has no empty elements.", nameof(values));
            }

            if (text!.IndexOf(',') >= 0)
            {
                throw new ArgumentException($"The header '{name}' holds an element with a comma at index {i}; it could not be told from two elements.", nameof(values));
            }

            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(text);
        }

        AddHeader(request, name, builder.ToString());
    }
}
