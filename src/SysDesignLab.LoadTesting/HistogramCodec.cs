using HdrHistogram;
using HdrHistogram.Utilities;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// The histogram text in the final JSON: HdrHistogram's compressed encoding, base64, values in microseconds.
/// Any HdrHistogram implementation (Java, Go, JS, Python) decodes it, so two runs can be compared exactly.
/// </summary>
public static class HistogramCodec
{
    public static HistogramBase Decode(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var buffer = ByteBuffer.Allocate(Convert.FromBase64String(base64));
        return HistogramEncoding.DecodeFromCompressedByteBuffer(buffer, 0);
    }

    internal static string Encode(HistogramBase histogram)
    {
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = histogram.EncodeIntoCompressedByteBuffer(buffer);
        // ByteBuffer exposes no public copy of its array in this version: read it back byte by byte (a few KB).
        var bytes = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return Convert.ToBase64String(bytes);
    }
}
