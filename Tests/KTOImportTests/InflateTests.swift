import Foundation
import Testing
@testable import KTOImport

/// The DEFLATE/zlib vectors of Tests/Fixtures/inflate (made by Python's zlib, see make_fixtures.py).
enum InflateFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/inflate")

    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var zlibContainer: Bool
        var file: String
        /// Expected output size and CRC-32, or nil for a stream that must be rejected.
        var size: Int?
        var crc: UInt32?
        var error: String?
        var testDescription: String { name }

        var bytes: [UInt8] {
            (try? Data(contentsOf: folder.appendingPathComponent(file))).map { [UInt8]($0) } ?? []
        }
    }

    static let vectors: [Vector] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t").map(String.init)
            let expected = f[3].split(separator: " ").map(String.init)
            if expected[0] == "error" {
                return Vector(name: f[0], zlibContainer: f[1] == "zlib", file: f[2], error: expected[1])
            }
            return Vector(
                name: f[0], zlibContainer: f[1] == "zlib", file: f[2], size: Int(expected[0]),
                crc: UInt32(expected[1], radix: 16))
        }
    }()

    static func decode(_ v: Vector, limit: Int = 1 << 24, expectedSize: Int? = nil) throws(InflateError) -> [UInt8] {
        v.zlibContainer
            ? try Inflate.zlib(v.bytes, expectedSize: expectedSize, limit: limit)
            : try Inflate.raw(v.bytes, expectedSize: expectedSize, limit: limit)
    }

    static func kind(_ error: InflateError) -> String {
        switch error {
        case .truncated: return "truncated"
        case .invalidBlockType: return "invalidBlockType"
        case .invalidHuffmanCode: return "invalidHuffmanCode"
        case .distanceTooFar: return "distanceTooFar"
        case .storedLengthMismatch: return "storedLengthMismatch"
        case .badZlibHeader: return "badZlibHeader"
        case .checksumMismatch: return "checksumMismatch"
        case .outputLimitExceeded: return "outputLimitExceeded"
        }
    }
}

@Suite("Inflate")
struct InflateTests {
    @Test func manifestIsComplete() {
        #expect(InflateFixture.vectors.count == 59)
        #expect(InflateFixture.vectors.filter { $0.error != nil }.count == 14)
    }

    @Test(arguments: InflateFixture.vectors.filter { $0.error == nil })
    func validStreamDecodes(_ v: InflateFixture.Vector) throws {
        #expect(!v.bytes.isEmpty)
        let out = try InflateFixture.decode(v)
        #expect(out.count == v.size)
        #expect(CRC32.checksum(out) == v.crc)
        // The size hint only sizes the first allocation: a wrong one changes nothing.
        for hint in [0, 1, out.count, out.count + 1, 1 << 40] {
            #expect(try InflateFixture.decode(v, expectedSize: hint) == out)
        }
    }

    @Test(arguments: InflateFixture.vectors.filter { $0.error != nil })
    func corruptStreamThrows(_ v: InflateFixture.Vector) {
        #expect(!v.bytes.isEmpty)
        do {
            _ = try InflateFixture.decode(v)
            Issue.record("\(v.name) decoded without error")
        } catch {
            #expect(InflateFixture.kind(error) == v.error)
        }
    }

    @Test func knownVectors() throws {
        // zlib.compress(b"hello") and the Adler-32 of "Wikipedia" (0x11E60398, the worked example
        // in the Adler-32 article).
        let hello: [UInt8] = [0x78, 0x9C, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00, 0x06, 0x2C, 0x02, 0x15]
        #expect(try Inflate.zlib(hello, limit: 100) == Array("hello".utf8))
        #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Adler32.checksum([]) == 1)
        // A stored block "abc" (RFC 1951 3.2.4) and an empty final fixed block (0x03 0x00).
        #expect(try Inflate.raw([0x01, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62, 0x63], limit: 10) == Array("abc".utf8))
        #expect(try Inflate.raw([0x03, 0x00], limit: 0) == [])
    }

    @Test func outputLimitIsEnforced() throws {
        let v = try #require(InflateFixture.vectors.first { $0.name == "repetitive-1mb-l9" })
        let size = try #require(v.size)
        #expect(try InflateFixture.decode(v, limit: size).count == size)
        #expect(throws: InflateError.outputLimitExceeded(limit: size - 1)) { try InflateFixture.decode(v, limit: size - 1) }
        #expect(throws: InflateError.outputLimitExceeded(limit: 1000)) { try InflateFixture.decode(v, limit: 1000) }
        let stored = try #require(InflateFixture.vectors.first { $0.name == "stored-multi" })
        #expect(throws: InflateError.outputLimitExceeded(limit: 10)) { try InflateFixture.decode(stored, limit: 10) }
    }

    /// Damaged copies of valid streams (bytes flipped, cut short) must throw or decode, never crash.
    @Test func damagedStreamsNeverCrash() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        var rejected = 0
        for v in InflateFixture.vectors where v.error == nil && v.bytes.count > 4 {
            let original = v.bytes
            for _ in 0..<40 {
                var damaged = original
                for _ in 0..<(1 + next() % 3) {
                    damaged[next() % damaged.count] ^= UInt8(truncatingIfNeeded: 1 + next() % 255)
                }
                if next() % 4 == 0 { damaged.removeLast(next() % damaged.count) }
                do {
                    _ = v.zlibContainer ? try Inflate.zlib(damaged, limit: 1 << 21) : try Inflate.raw(damaged, limit: 1 << 21)
                } catch {
                    rejected += 1
                }
            }
        }
        // Most damage is caught (the zlib ones by their checksum at the latest).
        #expect(rejected > 500)
    }
}
