"""Checks a rendered report: the PDF is not empty and the screenshot shows chart bars.

Usage: check_render.py PDF PNG
Only the standard library: the PNG is decoded with zlib, and bars are pixels of the report's
first series colour (#0072B2) or its agreement/spread colours.
"""
import struct
import sys
import zlib


def png_pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, width, height, colour_type = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", chunk[:10])
            if depth != 8 or colour_type not in (2, 6):
                raise SystemExit(f"{path}: unsupported PNG format")
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = previous[x]
            c = previous[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    return width, height, bpp, rows


def main():
    pdf, png = sys.argv[1], sys.argv[2]
    content = open(pdf, "rb").read()
    pages = content.count(b"/Type /Page") - content.count(b"/Type /Pages")
    if len(content) < 10_000 or pages < 2:
        raise SystemExit(f"{pdf}: empty or too small ({len(content)} bytes, {pages} pages)")
    width, height, bpp, rows = png_pixels(png)
    bar = 0
    for line in rows:
        for x in range(0, width * bpp, bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if abs(r - 0x00) < 12 and abs(g - 0x72) < 12 and abs(b - 0xB2) < 12:
                bar += 1
    if bar < 2000:
        raise SystemExit(f"{png}: no visible chart bars ({bar} bar pixels)")
    print(f"render check ok: {pdf} {len(content)} bytes, {pages} pages; {png} {width}x{height}, {bar} bar pixels")


main()
