#!/usr/bin/env python3
"""Writes the DEFLATE/zlib test vectors for Tests/KTOImportTests/InflateTests.swift.

Every stream is made by Python's zlib module (the reference zlib library), except the corrupt
ones, which are valid streams damaged on purpose or built bit by bit below. manifest.tsv lists,
per stream: name, container (raw = RFC 1951, zlib = RFC 1950), file, and either the expected
output as "size crc32" (crc32 from zlib.crc32) or "error <kind>" for streams that must be rejected.
Run from this folder: python3 make_fixtures.py
"""
import random
import zlib

rows = []


def put(name, container, data, expected):
    file = name + (".zz" if container == "zlib" else ".deflate")
    with open(file, "wb") as f:
        f.write(data)
    rows.append((name, container, file, expected))


def good(name, container, plain, level=6, wbits=None, strategy=zlib.Z_DEFAULT_STRATEGY, mem=8, flushes=()):
    if wbits is None:
        wbits = 15 if container == "zlib" else -15
    c = zlib.compressobj(level, zlib.DEFLATED, wbits, mem, strategy)
    out = b""
    pos = 0
    for cut, mode in flushes:
        out += c.compress(plain[pos:cut]) + c.flush(mode)
        pos = cut
    out += c.compress(plain[pos:]) + c.flush()
    # The reference decoder must agree before the stream becomes a fixture.
    back = zlib.decompress(out, wbits)
    assert back == plain, name
    put(name, container, out, "%d %08x" % (len(plain), zlib.crc32(plain)))


rng = random.Random(20240611)
words = ("de het een gemeente klant tevreden dienstverlening consulent afspraak uitkering "
         "bijstand schuldhulp werk inkomen vraag antwoord goed slecht snel traag").split()
text = " ".join(rng.choice(words) for _ in range(1600)).encode()  # about 12 KB of word salad

for level in range(10):
    good("text-zlib-l%d" % level, "zlib", text, level=level)
    good("text-raw-l%d" % level, "raw", text, level=level)
for wbits in (9, 10, 12, 14):
    good("text-zlib-w%d" % wbits, "zlib", text, wbits=wbits)
    good("text-raw-w%d" % wbits, "raw", text, wbits=-wbits)
good("text-fixed", "raw", text, strategy=zlib.Z_FIXED)
good("text-huffman-only", "raw", text, strategy=zlib.Z_HUFFMAN_ONLY)
good("text-rle", "zlib", text, strategy=zlib.Z_RLE)
good("text-filtered-mem1", "zlib", text, strategy=zlib.Z_FILTERED, mem=1)
# Sync and full flushes put empty stored blocks and block boundaries mid-stream.
good("text-flushes", "zlib", text, flushes=((1000, zlib.Z_SYNC_FLUSH), (5000, zlib.Z_FULL_FLUSH), (5001, zlib.Z_SYNC_FLUSH)))
# Level 0 with the smallest memory level: many small stored blocks.
good("stored-multi", "raw", text[:3000], level=0, mem=1)

good("empty-zlib", "zlib", b"")
good("empty-raw", "raw", b"")
good("empty-zlib-l0", "zlib", b"", level=0)
good("one-byte-zlib", "zlib", b"x")
good("one-byte-raw-l0", "raw", b"x", level=0)
good("repetitive-1mb-l9", "zlib", b"abc" * 349525 + b"a", level=9)
good("zeros-1mb-l1", "raw", bytes(1 << 20), level=1)
rand = bytes(rng.getrandbits(8) for _ in range(8000))
good("random-8k", "zlib", rand, level=9)
# A skewed byte distribution gives dynamic codes longer than 10 bits (the slow path).
skewed = bytes(min(255, int(rng.expovariate(0.045))) for _ in range(15000))
good("skewed-long-codes", "raw", skewed, level=9)
# Matches at distances close to 32 KiB.
letters = bytes(rng.choice(b"abcdefgh") for _ in range(32000))
good("far-distances", "raw", letters[:700] + letters + letters[:700] + letters[-900:], level=9)


class Bits:
    """LSB-first bit writer; Huffman codes are written most significant bit first (RFC 1951 3.1.1)."""

    def __init__(self):
        self.value, self.count = 0, 0

    def put(self, value, n):
        self.value |= value << self.count
        self.count += n

    def code(self, code, n):
        for i in range(n - 1, -1, -1):
            self.put((code >> i) & 1, 1)

    def bytes(self):
        return self.value.to_bytes((self.count + 7) // 8, "little")


def fixed_literal(bits, symbol):
    # Fixed code (RFC 1951 3.2.6): 0-143 8 bits from 0x30, 144-255 9 bits from 0x190,
    # 256-279 7 bits from 0, 280-287 8 bits from 0xC0.
    if symbol < 144:
        bits.code(0x30 + symbol, 8)
    elif symbol < 256:
        bits.code(0x190 + symbol - 144, 9)
    elif symbol < 280:
        bits.code(symbol - 256, 7)
    else:
        bits.code(0xC0 + symbol - 280, 8)


# A hand-built fixed block "aaaaa": literal a, then length 4 (symbol 258) at distance 1 (code 0).
b = Bits()
b.put(1, 1); b.put(1, 2)
fixed_literal(b, ord("a")); fixed_literal(b, 258); b.code(0, 5); fixed_literal(b, 256)
assert zlib.decompress(b.bytes(), -15) == b"aaaaa"
put("handmade-fixed", "raw", b.bytes(), "5 %08x" % zlib.crc32(b"aaaaa"))

# Corrupt streams: each must raise the named error, and zlib must reject it too.
def bad(name, container, data, kind):
    try:
        zlib.decompress(data, 15 if container == "zlib" else -15)
        raise AssertionError("zlib accepted " + name)
    except zlib.error:
        pass
    put(name, container, data, "error " + kind)


whole = zlib.compress(text, 6)
bad("truncated-half", "zlib", whole[: len(whole) // 2], "truncated")
bad("truncated-no-adler", "zlib", whole[:-4], "truncated")
raw_text = zlib.compress(text, 9)[2:-4]
bad("truncated-raw-1", "raw", raw_text[:1], "truncated")
bad("truncated-stored", "raw", bytes([1, 10, 0, 0xF5, 0xFF]) + b"abc", "truncated")
bad("bad-block-type", "raw", bytes([0x07, 0, 0, 0]), "invalidBlockType")
bad("stored-nlen-mismatch", "raw", bytes([1, 5, 0, 5, 0]) + b"hello", "storedLengthMismatch")
b = Bits(); b.put(1, 1); b.put(1, 2)
fixed_literal(b, ord("a")); fixed_literal(b, 257); b.code(1, 5); fixed_literal(b, 256)  # distance 2 > 1 byte
bad("distance-too-far", "raw", b.bytes(), "distanceTooFar")
b = Bits(); b.put(1, 1); b.put(1, 2)
fixed_literal(b, ord("a")); fixed_literal(b, 286); fixed_literal(b, 256)  # symbol 286 may not occur
bad("fixed-symbol-286", "raw", b.bytes(), "invalidHuffmanCode")
b = Bits(); b.put(1, 1); b.put(1, 2)
fixed_literal(b, ord("a")); fixed_literal(b, 257); b.code(30, 5); fixed_literal(b, 256)  # distance code 30
bad("fixed-distance-30", "raw", b.bytes(), "invalidHuffmanCode")
# Dynamic header whose code-length code is over-subscribed: four codes of length 1.
b = Bits(); b.put(1, 1); b.put(2, 2); b.put(0, 5); b.put(0, 5); b.put(0, 4)
for _ in range(4):
    b.put(1, 3)
bad("oversubscribed", "raw", b.bytes() + bytes(8), "invalidHuffmanCode")
bad("bad-adler", "zlib", whole[:-1] + bytes([whole[-1] ^ 0x55]), "checksumMismatch")
bad("bad-header-method", "zlib", bytes([0x79]) + whole[1:], "badZlibHeader")
bad("bad-header-check", "zlib", bytes([0x78, 0x9D]) + whole[2:], "badZlibHeader")
bad("bad-header-fdict", "zlib", bytes([0x78, 0xBB]) + whole[2:], "badZlibHeader")

with open("manifest.tsv", "w") as f:
    f.write("name\tcontainer\tfile\texpected\n")
    for row in rows:
        f.write("\t".join(row) + "\n")
print(len(rows), "streams; zlib", zlib.ZLIB_RUNTIME_VERSION)
