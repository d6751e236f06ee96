/// A stretch of text (scalar offsets) found to be personal data of some kind.
struct Detection: Equatable {
    let range: Range<Int>
    let kind: AnonymizationKind

    /// Chooses non-overlapping detections: earliest start first, then the
    /// longest, then the kind with the higher priority. Deterministic.
    static func resolve(_ detections: [Detection]) -> [Detection] {
        let sorted = detections.sorted { a, b in
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.range.count != b.range.count { return a.range.count > b.range.count }
            return a.kind.priority > b.kind.priority
        }
        var chosen: [Detection] = []
        var end = 0
        for detection in sorted where !detection.range.isEmpty && detection.range.lowerBound >= end {
            chosen.append(detection)
            end = detection.range.upperBound
        }
        return chosen
    }
}
