import KTOImport

/// One mistake in a study description (study file or codebook), with where it is.
public struct StudyProblem: Diagnostic, Equatable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String
    public var lineText: String?

    public init(_ message: String, at location: SourceLocation? = nil, lineText: String? = nil) {
        self.message = message
        self.location = location
        self.lineText = lineText
    }

    public var description: String { (location.map { "\($0): " } ?? "") + message }
}

/// The study description cannot be used; every problem found is listed, not just the first.
public struct StudyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [StudyProblem]

    public init(_ problems: [StudyProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
