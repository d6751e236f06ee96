import Foundation

/// Generates the respondent-level exports of the sample study (`kto-2015.csv`, `kto-2013.csv`) as a
/// scanning office delivers them: `;`-separated, Windows-1252, CRLF, missing answers as label text.
///
/// The data are invented but reproduce every figure of the published annex "Resultaten per
/// gemeente" (per gemeente and pooled, both metingen) after rounding half away from zero, the
/// organisation's headline figures of the main text, and the coded open answers. The same seed
/// always gives the same bytes, on every platform.
public struct SampleStudyGenerator: Sendable {
    /// The seed behind the committed `SampleData` files.
    public static let defaultSeed: UInt64 = 0x4B54_4F20_2015_0649

    public var seed: UInt64

    public init(seed: UInt64 = SampleStudyGenerator.defaultSeed) {
        self.seed = seed
    }

    /// The export files: file name → bytes.
    public func makeExports() -> [String: [UInt8]] { generate().files }

    /// The exports with what was generated and anything that could not be reproduced.
    public func generate() -> SampleGeneration {
        var result = SampleGeneration()
        for meting in Meting.allCases {
            var builder = MetingBuilder(meting: meting, seed: seed)
            builder.build()
            result.files[meting.fileName] = builder.exportBytes()
            result.respondents[meting.fileName] = Targets.respondents(in: meting)
            result.unreproduced += builder.notes.map { "\(meting.rawValue) \($0)" }
        }
        return result
    }

    /// Writes the exports into `folder` (created when missing); returns the paths written.
    ///
    /// kto never changes a file it did not write: a file that already exists with other content
    /// is left alone and the whole call refuses (nothing written); one with exactly the bytes the
    /// generator makes is kept as it is.
    /// - Throws: `SampleWriteRefusal` naming the files that would be overwritten.
    @discardableResult
    public func write(to folder: String) throws -> [String] {
        let manager = FileManager.default
        let exports = makeExports().sorted(by: { $0.key < $1.key })
        let clashes = exports.compactMap { name, bytes -> String? in
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            guard let existing = manager.contents(atPath: path) else {
                return manager.fileExists(atPath: path) ? name : nil
            }
            return [UInt8](existing) == bytes ? nil : name
        }
        guard clashes.isEmpty else { throw SampleWriteRefusal(folder: folder, files: clashes) }
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for (name, bytes) in exports {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if !manager.fileExists(atPath: url.path) { try Data(bytes).write(to: url, options: .atomic) }
            written.append(url.path)
        }
        return written
    }
}

/// `kto sample` would overwrite files with other content: refused, nothing written.
public struct SampleWriteRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var folder: String
    public var files: [String]

    public var description: String {
        "in '\(folder)' staan al bestanden met een andere inhoud: \(files.map { "'\($0)'" }.joined(separator: ", ")); kto overschrijft ze niet. Kies een nieuwe map: kto sample MAP."
    }
}

/// What `SampleStudyGenerator.generate()` produced.
public struct SampleGeneration: Sendable {
    /// File name → Windows-1252 bytes.
    public var files: [String: [UInt8]] = [:]
    /// File name → respondents per gemeente (Leidschendam-Voorburg, Voorschoten, Wassenaar).
    public var respondents: [String: [Int]] = [:]
    /// Targets the generator could not reach (empty when everything reproduces).
    public var unreproduced: [String] = []
}
