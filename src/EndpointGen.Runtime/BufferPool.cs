using System;
using System.Buffers;

namespace EndpointGen.Runtime;

/// <summary>
/// The runtime's buffers: up to <see cref="MaxPooledBytes"/> from <see cref="ArrayPool{T}.Shared"/>, larger ones
/// allocated for the call and left to the garbage collector.
/// </summary>
/// <remarks>
/// The shared pool keeps what it is given: on .NET 8 and later arrays up to 1 GiB, per core, until memory pressure
/// trims them. Returning a 32 MiB body buffer to it would keep 32 MiB live for the life of the process after one large
/// response; a hostile server could make the client hold far more. Buffers of at most 1 MiB are the sizes worth
/// reusing and cost little to keep; a larger one is allocated once per call, which is small next to reading that many
/// bytes from the network.
/// </remarks>
internal static class BufferPool
{
    /// <summary>The largest buffer, in bytes, that goes back to the shared pool: 1 MiB.</summary>
    public const int MaxPooledBytes = 1024 * 1024;

    private const int MaxPooledChars = MaxPooledBytes / sizeof(char);

    /// <summary>A byte buffer of at least <paramref name="minimumLength"/> bytes.</summary>
    /// <param name="minimumLength">The least length needed.</param>
    /// <returns>The buffer; hand it to <see cref="Return(byte[])"/> when done.</returns>
    public static byte[] RentBytes(int minimumLength) =>
        minimumLength <= MaxPooledBytes ? ArrayPool<byte>.Shared.Rent(minimumLength) : Allocate<byte>(minimumLength);

    /// <summary>A char buffer of at least <paramref name="minimumLength"/> characters.</summary>
    /// <param name="minimumLength">The least length needed.</param>
    /// <returns>The buffer; hand it to <see cref="Return(char[])"/> when done.</returns>
    public static char[] RentChars(int minimumLength) =>
        minimumLength <= MaxPooledChars ? ArrayPool<char>.Shared.Rent(minimumLength) : Allocate<char>(minimumLength);

    /// <summary>Gives a buffer from <see cref="RentBytes"/> back: to the pool when small, to the garbage collector when large.</summary>
    /// <param name="buffer">The buffer, not used again by the caller.</param>
    public static void Return(byte[] buffer)
    {
        // The shared pool hands out arrays of a power-of-two length, so one of at most the limit came from it.
        if (buffer.Length <= MaxPooledBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Gives a buffer from <see cref="RentChars"/> back: to the pool when small, to the garbage collector when large.</summary>
    /// <param name="buffer">The buffer, not used again by the caller.</param>
    public static void Return(char[] buffer)
    {
        if (buffer.Length <= MaxPooledChars)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static T[] Allocate<T>(int length)
#if NET5_0_OR_GREATER
        => GC.AllocateUninitializedArray<T>(length);
#else
        => new T[length];
#endif
}
