"""Reads the HdrHistogram (compressed V2, base64) that `sdlab load --json` writes, for percentiles the JSON
does not list (bench/run.sh's C needs p99.9). Values are in the histogram's unit (µs for sdlab)."""
import base64
import math
import struct
import zlib


def _zigzag_varints(data):
    i = 0
    while i < len(data):
        raw, shift = 0, 0
        for n in range(9):
            byte = data[i]
            i += 1
            # HdrHistogram's LEB128 keeps all 8 bits of a ninth byte (64-bit values).
            raw |= (byte if n == 8 else byte & 0x7F) << shift
            shift += 7
            if n == 8 or not byte & 0x80:
                break
        yield (raw >> 1) ^ -(raw & 1)


def decode(text):
    """Returns (counts by index, lowest trackable value, significant digits)."""
    blob = base64.b64decode(text)
    _cookie, length = struct.unpack(">ii", blob[:8])
    # HdrHistogram.NET leaves the zlib stream without its final checksum: take what inflates.
    inner = zlib.decompressobj().decompress(blob[8:8 + length])
    _cookie, payload, _offset, digits, lowest, _highest, _ratio = struct.unpack(">iiiiqqd", inner[:40])
    counts = []
    for value in _zigzag_varints(inner[40:40 + payload]):
        if value < 0:
            counts.extend([0] * -value)  # a run of empty buckets
        else:
            counts.append(value)
    return counts, lowest, digits


def percentile(text, p):
    """The value at percentile p, reported as the top of its bucket (as HdrHistogram.NET does)."""
    counts, lowest, digits = decode(text)
    sub_count = 2 ** math.ceil(math.log2(2 * 10 ** digits))
    half_magnitude = int(math.log2(sub_count)) - 1
    half = sub_count // 2
    unit = int(math.floor(math.log2(lowest)))
    total = sum(counts)
    wanted = max(1, int(p / 100.0 * total + 0.5))
    seen = 0
    for index, count in enumerate(counts):
        seen += count
        if count and seen >= wanted:
            bucket = (index >> half_magnitude) - 1
            sub = (index & (half - 1)) + half
            if bucket < 0:
                sub -= half
                bucket = 0
            value = sub << (bucket + unit)
            return value + (1 << (bucket + unit)) - 1
    return float("nan")
