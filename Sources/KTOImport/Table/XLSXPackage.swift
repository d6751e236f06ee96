/// The parts of an .xlsx package (ECMA-376 Part 2, Open Packaging Conventions) the reader
/// needs: the workbook, found through the package relationships, and its related parts.
struct XLSXPackage {
    let archive: ZipArchive
    let file: String

    init(bytes: [UInt8], file: String, limits: ZipArchive.Limits) throws(XLSXError) {
        do {
            archive = try ZipArchive(bytes: bytes, limits: limits)
        } catch {
            throw Self.translate(error, file: file)
        }
        self.file = file
    }

    static func translate(_ error: ZipError, file: String) -> XLSXError {
        switch error {
        case .notAZip: return .notXLSX(file: file)
        case .compoundFile, .encrypted: return .passwordProtected(file: file)
        default: return .archive(file: file, error)
        }
    }

    /// The bytes of a part, or nil when the archive does not have it.
    func optionalPart(_ name: String) throws(XLSXError) -> [UInt8]? {
        guard let entry = archive.entry(named: name) else { return nil }
        do {
            return try archive.extract(entry)
        } catch {
            throw Self.translate(error, file: file)
        }
    }

    func part(_ name: String) throws(XLSXError) -> [UInt8] {
        guard let bytes = try optionalPart(name) else { throw .missingPart(file: file, part: name) }
        return bytes
    }

    /// A part's bytes before their CRC check, and the check (see `ZipArchive.unchecked`).
    func uncheckedPart(_ name: String) throws(XLSXError) -> (bytes: [UInt8], verify: @Sendable () throws(XLSXError) -> Void) {
        guard let entry = archive.entry(named: name) else { throw .missingPart(file: file, part: name) }
        do {
            let bytes = try archive.unchecked(entry)
            let archive = self.archive
            let file = self.file
            return (bytes, { () throws(XLSXError) in
                do throws(ZipError) { try archive.verify(bytes, of: entry) } catch { throw Self.translate(error, file: file) }
            })
        } catch {
            throw Self.translate(error, file: file)
        }
    }

    /// Runs `body` over the XML of a part, turning scanner failures into `malformedXML`.
    func scan<T>(
        _ bytes: [UInt8], part: String, _ body: (inout XMLScanner) throws(XMLScanner.Failure) -> T
    ) throws(XLSXError) -> T {
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(XMLScanner.Failure) in
                var scanner = XMLScanner(buffer)
                return try body(&scanner)
            }
        } catch {
            throw .malformedXML(file: file, part: part, offset: error.offset, detail: error.detail)
        }
    }

    // MARK: Relationships

    struct Relationship {
        var id: String
        var type: String
        /// The target resolved to a part name (no leading '/').
        var target: String
    }

    /// The relationships of `source` (its `_rels/<name>.rels` part); none when it has no such part.
    func relationships(of source: String) throws(XLSXError) -> [Relationship] {
        let folder = Self.folder(of: source)
        let name = source.split(separator: "/").last.map(String.init) ?? source
        let relsPart = folder + "_rels/" + name + ".rels"
        guard let bytes = try optionalPart(relsPart) else { return [] }
        return try scan(bytes, part: relsPart) { scanner throws(XMLScanner.Failure) in
            var found: [Relationship] = []
            while let event = try scanner.next() {
                guard case .start(let element, _) = event, scanner.isLocal(element, "Relationship") else { continue }
                guard let id = scanner.attribute("Id"), let type = scanner.attribute("Type"),
                    let target = scanner.attribute("Target")
                else { continue }
                if let mode = scanner.attribute("TargetMode"), scanner.equals(mode, "External") { continue }
                found.append(
                    Relationship(
                        id: try scanner.text(id), type: try scanner.text(type),
                        target: Self.resolve(try scanner.text(target), from: folder)))
            }
            return found
        }
    }

    /// The folder of a part name, with a trailing '/' (empty for the root).
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A relationship target as a part name: absolute (`/xl/a.xml`) or relative to `folder`,
    /// with `.` and `..` segments applied.
    static func resolve(_ target: String, from folder: String) -> String {
        let joined = target.hasPrefix("/") ? target : folder + target
        var segments: [Substring] = []
        for segment in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(segment)
        }
        return segments.joined(separator: "/")
    }
}
