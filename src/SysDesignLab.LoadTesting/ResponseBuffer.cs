using System.Buffers;

namespace SysDesignLab.LoadTesting;

/// <summary>A virtual user's pooled read buffer: drains bodies without allocating, grows only to inspect one.</summary>
internal sealed class ResponseBuffer : IDisposable
{
    private const int InitialSize = 16 * 1024;
    private const long MaxPresize = 64L * 1024 * 1024;

    private byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialSize);

    /// <summary>Reads and discards the body; latency includes the transfer and the connection becomes reusable.</summary>
    public async ValueTask DrainAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        while (await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    /// <summary>Reads the whole body into the buffer; see <see cref="Body"/>.</summary>
    public async ValueTask<int> ReadAllAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } announced && announced < MaxPresize && announced >= buffer.Length)
        {
            // +1 so the final zero-length read needs no further growth.
            Grow((int)announced + 1, 0);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Grow(buffer.Length * 2, length);
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return length;
            }

            length += read;
        }
    }

    public ReadOnlySpan<byte> Body(int length) => buffer.AsSpan(0, length);

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    private void Grow(int size, int keep)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, keep).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = bigger;
    }
}
