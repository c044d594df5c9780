using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <content>
/// Array responses: the generated method hands over the element reader, and the runner reads the array with it. The
/// generated code would otherwise spell a lambda over <see cref="JsonValueReader.ReadList{T}"/> in each of an
/// endpoint's two methods; the list reader is built once per element reader and cached (<see cref="ListReaders{T}"/>),
/// so a call allocates nothing the lambda did not.
/// </content>
public sealed partial class ApiRequestRunner<TError>
{
    /// <summary>Sends a request and reads its success body, a JSON array.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="typeName">The body type as the descriptor spells it, for messages.</param>
    /// <param name="readElement">The generated reader of an element.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The elements in order.</returns>
    /// <exception cref="TaskCanceledException">The whole call took longer than the HttpClient's Timeout (the inner exception is a <see cref="TimeoutException"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<IReadOnlyList<T>> SendListAsync<T>(string operation, HttpRequestMessage request, string typeName, JsonReadFunc<T> readElement, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<T>, IReadOnlyList<T>>(operation, request, typeName, ListReaders<T>.For(readElement), cancellationToken)!;

    /// <summary>Sends a request and reads its success body, a JSON array, with the answer's status and headers.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="typeName">The body type as the descriptor spells it, for messages.</param>
    /// <param name="readElement">The generated reader of an element.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, the headers and the elements.</returns>
    /// <exception cref="TaskCanceledException">The whole call took longer than the HttpClient's Timeout (the inner exception is a <see cref="TimeoutException"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ApiResponse<IReadOnlyList<T>>> SendListWithResponseAsync<T>(string operation, HttpRequestMessage request, string typeName, JsonReadFunc<T> readElement, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<T>, ApiResponse<IReadOnlyList<T>>>(operation, request, typeName, ListReaders<T>.For(readElement), cancellationToken)!;
}

/// <summary>
/// The list readers of one element type, one per element reader, built on first use and kept: a call site's element
/// reader is a cached delegate (C# 11, which generated code needs for <c>required</c>, caches static method groups),
/// so after the first call a lookup finds it by reference and allocates nothing.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal static class ListReaders<T>
{
    /// <summary>The most element readers kept per element type; generated code has two call sites per endpoint.</summary>
    private const int MaxEntries = 64;

    /// <summary>The element readers seen, with their list readers; replaced whole (copy on write), so reads need no lock.</summary>
    private static Entry[] s_entries = Array.Empty<Entry>();

    /// <summary>The element readers beyond <see cref="MaxEntries"/>, each kept only as long as its element reader.</summary>
    private static readonly ConditionalWeakTable<JsonReadFunc<T>, JsonReadFunc<IReadOnlyList<T>>> s_more = new();

    private static readonly ConditionalWeakTable<JsonReadFunc<T>, JsonReadFunc<IReadOnlyList<T>>>.CreateValueCallback s_createList =
        static readElement => (ref Utf8JsonReader reader) => JsonValueReader.ReadList(ref reader, readElement);

    /// <summary>The list reader over an element reader.</summary>
    /// <param name="readElement">The element reader.</param>
    /// <returns>A reader of a JSON array of elements.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="readElement"/> is <see langword="null"/>.</exception>
    public static JsonReadFunc<IReadOnlyList<T>> For(JsonReadFunc<T> readElement)
    {
        if (readElement is null)
        {
            throw new ArgumentNullException(nameof(readElement));
        }

        var entries = Volatile.Read(ref s_entries);
        foreach (var entry in entries)
        {
            if (ReferenceEquals(entry.Element, readElement))
            {
                return entry.List;
            }
        }

        return Add(readElement);
    }

    private static JsonReadFunc<IReadOnlyList<T>> Add(JsonReadFunc<T> readElement)
    {
        foreach (var entry in Volatile.Read(ref s_entries))
        {
            // A new delegate over a method already seen (a caller that does not cache its method group) reads the
            // same way: reuse that list reader rather than fill the table with copies.
            if (entry.Element.Equals(readElement))
            {
                return entry.List;
            }
        }

        if (Volatile.Read(ref s_entries).Length >= MaxEntries)
        {
            return s_more.GetValue(readElement, s_createList);
        }

        var list = s_createList(readElement);
        while (true)
        {
            var entries = Volatile.Read(ref s_entries);
            if (entries.Length >= MaxEntries)
            {
                // Past a few dozen call sites (or a caller that makes a new element reader for each call) the readers
                // go into a weak table: kept while their element reader lives, found again without allocating.
                return s_more.GetValue(readElement, s_createList);
            }

            var grown = new Entry[entries.Length + 1];
            Array.Copy(entries, grown, entries.Length);
            grown[entries.Length] = new Entry(readElement, list);
            if (Interlocked.CompareExchange(ref s_entries, grown, entries) == entries)
            {
                return list;
            }
        }
    }

    private sealed class Entry
    {
        public Entry(JsonReadFunc<T> element, JsonReadFunc<IReadOnlyList<T>> list)
        {
            Element = element;
            List = list;
        }

        public JsonReadFunc<T> Element { get; }

        public JsonReadFunc<IReadOnlyList<T>> List { get; }
    }
}
