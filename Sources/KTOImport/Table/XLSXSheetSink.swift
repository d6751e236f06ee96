/// What the sheet parser hands its cells to: the table builder, or a recording of the calls
/// (the second half of a sheet read in halves, replayed into the builder after the first).
protocol XLSXSheetSink {
    mutating func set(column: Int, rowNumber: Int, value: TableCell, isDate: Bool) throws(XLSXError)
    mutating func endRow(number: Int) throws(XLSXError)
}

extension XLSXTableBuilder: XLSXSheetSink {}

/// The builder calls of part of a sheet, in order, to replay into the builder later.
struct XLSXRecordedRows: XLSXSheetSink, Sendable {
    private enum Call: Sendable {
        case set(column: Int, rowNumber: Int, value: TableCell, isDate: Bool)
        case endRow(Int)
    }

    private var calls: [Call] = []

    mutating func set(column: Int, rowNumber: Int, value: TableCell, isDate: Bool) throws(XLSXError) {
        calls.append(.set(column: column, rowNumber: rowNumber, value: value, isDate: isDate))
    }

    mutating func endRow(number: Int) throws(XLSXError) {
        calls.append(.endRow(number))
    }

    /// Makes the recorded calls on `builder`, in order; the first error it throws ends them.
    func replay(into builder: inout XLSXTableBuilder) throws(XLSXError) {
        for call in calls {
            switch call {
            case .set(let column, let rowNumber, let value, let isDate):
                try builder.set(column: column, rowNumber: rowNumber, value: value, isDate: isDate)
            case .endRow(let number):
                try builder.endRow(number: number)
            }
        }
    }
}
