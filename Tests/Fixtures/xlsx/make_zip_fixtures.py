#!/usr/bin/env python3
"""Writes the zip-level fixtures in zip/ for Tests/KTOImportTests/ZipArchiveTests.swift.

Valid archives are written by Python's zipfile; their expected entries (name, method, sizes,
CRC-32) come from zipfile reading them back, into zip/expected.json. Zip64 records are added by
hand below and the result is checked with zipfile and `unzip -t`. Hostile archives are valid ones
damaged on purpose; zip/expected.json names the ZipError each must give.
Run from this folder: python3 make_zip_fixtures.py
"""
import io
import json
import os
import struct
import subprocess
import zipfile
import zlib

os.makedirs("zip", exist_ok=True)
expected = {"valid": {}, "hostile": {}}
text = ("Klanttevredenheid sociale dienst: wat gaat goed, wat kan beter? " * 60).encode()
binary = bytes((i * 37 + 11) % 256 for i in range(3000))


def record(path):
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        expected["valid"][os.path.basename(path)] = [
            {"name": i.filename, "method": i.compress_type, "size": i.file_size,
             "compressed": i.compress_size, "crc": i.CRC,
             "text": z.read(i).decode() if i.filename.endswith(".txt") and i.file_size < 100 else None}
            for i in z.infolist()]


def plain(comment=b""):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("a.txt"), text, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("b.bin"), binary, compress_type=zipfile.ZIP_STORED)
        z.writestr(zipfile.ZipInfo("dir/c.xml"), b"<a>" + text + b"</a>", compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("empty.txt"), b"", compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("caf\u00e9 \u00fcber.txt"), "na\u00efef".encode(), compress_type=zipfile.ZIP_DEFLATED)
        z.comment = comment
    return buf.getvalue()


def write(name, data):
    with open("zip/" + name, "wb") as f:
        f.write(data)
    return "zip/" + name


plain_bytes = plain()
record(write("plain.zip", plain_bytes))
# A long archive comment: the end record is 3000 bytes before the end of the file.
record(write("comment.zip", plain(b"Export KTO 2024, gemaakt door het onderzoeksbureau. " * 60)))


class Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek: it then writes data descriptors (flag bit 3)."""

    def __init__(self):
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.data += b
        return len(b)


stream = Unseekable()
with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as z:
    with z.open("streamed.txt", "w") as f:
        f.write(text)
assert struct.unpack_from("<H", stream.data, 6)[0] & 8
record(write("data-descriptor.zip", bytes(stream.data)))


def zip64(data):
    """Rewrites a zip so the central directory uses Zip64 extra fields for every size and offset,
    and the end record defers to a Zip64 end record and locator (APPNOTE 4.3.14-4.3.16, 4.5.3)."""
    end = data.rindex(b"PK\x05\x06")
    count, size, offset = struct.unpack_from("<HII", data, end + 10)
    out, at = bytearray(), offset
    for _ in range(count):
        head = bytearray(data[at:at + 46])
        n, m, k = struct.unpack_from("<HHH", head, 28)
        name, extra, comment = data[at + 46:at + 46 + n], data[at + 46 + n:at + 46 + n + m], data[at + 46 + n + m:at + 46 + n + m + k]
        crc, csize, usize = struct.unpack_from("<III", head, 16)
        local = struct.unpack_from("<I", head, 42)[0]
        struct.pack_into("<II", head, 20, 0xFFFFFFFF, 0xFFFFFFFF)
        struct.pack_into("<I", head, 42, 0xFFFFFFFF)
        z64 = struct.pack("<HHQQQ", 1, 24, usize, csize, local)
        struct.pack_into("<H", head, 30, len(z64) + len(extra))
        out += head + name + z64 + extra + comment
        at += 46 + n + m + k
    new_offset = offset
    record64 = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, len(out), new_offset)
    locator = struct.pack("<IIQI", 0x07064B50, 0, new_offset + len(out), 1)
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return data[:offset] + bytes(out) + record64 + locator + eocd


record(write("zip64.zip", zip64(plain_bytes)))
subprocess.run(["unzip", "-tq", "zip/zip64.zip"], check=True, stdout=subprocess.DEVNULL)


def hostile(name, data, error):
    write(name, data)
    expected["hostile"][name] = error


# The zip tool's traditional (ZipCrypto) encryption, password "geheim".
if os.path.exists("zip/encrypted.zip"):
    os.remove("zip/encrypted.zip")
with open("zip/secret.txt", "wb") as f:
    f.write(text[:200])
subprocess.run(["zip", "-q", "-P", "geheim", "-X", "encrypted.zip", "secret.txt"], cwd="zip", check=True)
os.remove("zip/secret.txt")
with zipfile.ZipFile("zip/encrypted.zip") as z:
    assert z.infolist()[0].flag_bits & 1
expected["hostile"]["encrypted.zip"] = "encrypted"

hostile("truncated.zip", plain_bytes[: len(plain_bytes) * 2 // 3], "notAZip")
hostile("not-a-zip.zip", b"respnr;gemeente\n1;2\n" * 10, "notAZip")
hostile("ole.zip", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504), "compoundFile")

# Flip bytes in the middle of a.txt's deflate data: the inflater or the CRC must catch it.
off = plain_bytes.index(b"a.txt") + 5
damaged = bytearray(plain_bytes)
for k in range(40, 60):
    damaged[off + k] ^= 0xA5
hostile("corrupt-deflate.zip", bytes(damaged), "corruptData")
# One byte of the stored b.bin changed: only the CRC can tell.
off = plain_bytes.index(b"b.bin") + 5
damaged = bytearray(plain_bytes)
damaged[off + 100] ^= 0x01
hostile("crc-mismatch.zip", bytes(damaged), "crcMismatch")


def set_central(data, name, fmt, pos, value):
    """Overwrites a field of `name`'s central directory record."""
    at = data.index(b"PK\x01\x02")
    while True:
        n, m, k = struct.unpack_from("<HHH", data, at + 28)
        if data[at + 46:at + 46 + n] == name.encode():
            out = bytearray(data)
            struct.pack_into(fmt, out, at + pos, value)
            return bytes(out)
        at += 46 + n + m + k


# Zip bombs. 20 MiB of zeros: 1000:1, far past the ratio real data reaches.
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("xl/worksheets/sheet1.xml", bytes(20 << 20))
hostile("bomb-ratio.zip", buf.getvalue(), "suspiciousRatio")
# An entry that declares 3 GiB.
big = zip64(plain_bytes)
at = big.index(b"\x01\x00\x18\x00")  # the first Zip64 extra field (a.txt): usize is its first value
big = big[:at + 4] + struct.pack("<Q", 3 << 30) + big[at + 12:]
hostile("bomb-declared.zip", big, "entryTooLarge")
# An entry that declares 100 bytes but expands to 1 MiB: refused after 101 bytes.
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", bytes(1 << 20))
hostile("bomb-lying-size.zip", set_central(buf.getvalue(), "a.txt", "<I", 24, 100), "sizeMismatch")
# a.txt's local header offset points into the middle of other data.
hostile("bad-local-offset.zip", set_central(plain_bytes, "a.txt", "<I", 42, 100), "badLocalHeader")
# The end record puts the central directory past the end of the file.
end = plain_bytes.rindex(b"PK\x05\x06")
hostile("directory-out-of-range.zip", plain_bytes[:end + 16] + struct.pack("<I", 90000) + plain_bytes[end + 20:],
        "corruptDirectory")

with open("zip/expected.json", "w") as f:
    json.dump(expected, f, indent=1, sort_keys=True, ensure_ascii=False)
    f.write("\n")
print("zip fixtures:", len(expected["valid"]), "valid,", len(expected["hostile"]), "hostile")
