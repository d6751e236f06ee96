/// Column metadata: variable labels, value labels, user-missing values and date formats, from the
/// variable records, value label records and the long string extensions (subtypes 21 and 22).
extension SAVContext {
    /// The columns without cells, in the order of `plans`.
    func columnMetadata(_ plans: [ColumnPlan]) throws(SAVError.Kind) -> [DataColumn] {
        var columns: [DataColumn] = []
        columns.reserveCapacity(plans.count)
        for plan in plans {
            let v = dict.variables[plan.variable]
            columns.append(
                DataColumn(
                    name: plan.name, label: v.label.map { text($0) },
                    storage: plan.width == 0 ? .numeric : .string(width: plan.width),
                    valueLabels: valueLabels(of: v), missing: try missingValues(of: v, name: plan.name),
                    dateEpoch: Self.isDateFormat(v.printFormat, v.writeFormat) ? .spssSeconds : nil, cells: []))
        }
        try applyLongStringRecords(to: &columns, plans: plans)
        return columns
    }

    /// SPSS formats that count seconds since 1582-10-14: DATE, DATETIME, ADATE, JDATE, MOYR,
    /// QYR, WKYR, EDATE, SDATE, YMDHMS (not the durations TIME, DTIME, MTIME, nor WKDAY and
    /// MONTH, which hold 1-7 and 1-12). The print format decides; the write format stands in
    /// when the print format's type is not a valid one.
    static func isDateFormat(_ print: Int, _ write: Int) -> Bool {
        let dates: Set<Int> = [20, 22, 23, 24, 28, 29, 30, 38, 39, 41]
        let printType = (print >> 16) & 0xFF
        let type = (1...41).contains(printType) ? printType : (write >> 16) & 0xFF
        return dates.contains(type)
    }

    func number(at offset: Int) -> Double {
        let raw = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        return Double(bitPattern: dict.header.bigEndian ? UInt64(bigEndian: raw) : UInt64(littleEndian: raw))
    }

    private func valueLabels(of v: SAVDictionary.Variable) -> [ValueLabelEntry] {
        var entries: [ValueLabelEntry] = []
        for (value, label) in v.valueLabels {
            if v.width == 0 {
                entries.append(ValueLabelEntry(value: .number(number(at: value.lowerBound)), label: text(label)))
            } else {
                // A value wider than the variable cannot occur (ReadStat writes such duplicates).
                let trimmed = Self.trimmed(value, in: bytes)
                guard trimmed.count <= v.width else { continue }
                entries.append(ValueLabelEntry(value: .text(text(trimmed)), label: text(label)))
            }
        }
        return entries
    }

    /// LOWEST and HIGHEST in missing-value ranges become -∞ and +∞.
    private func rangeBound(_ value: Double) -> Double {
        let lowest = dict.lowest ?? -Double.greatestFiniteMagnitude
        let highest = dict.highest ?? Double.greatestFiniteMagnitude
        // Before SPSS 21, LOWEST was the second-largest negative number.
        if value == lowest || value == -Double.greatestFiniteMagnitude || value.bitPattern == 0xFFEF_FFFF_FFFF_FFFE {
            return -Double.infinity
        }
        if value == highest || value == Double.greatestFiniteMagnitude { return Double.infinity }
        return value
    }

    private func missingValues(of v: SAVDictionary.Variable, name: String) throws(SAVError.Kind) -> MissingValues {
        guard let range = v.missing else { return .none }
        let values = (0..<abs(v.missingCode)).map { range.lowerBound + 8 * $0 }
        if v.width > 0 {
            guard v.missingCode > 0 else {
                throw .inconsistent("de tekstvariabele \(name) heeft een bereik van ontbrekende waarden")
            }
            // Only the first 8 bytes of a long string's missing value are stored; the rest is blank.
            return .discrete(values.map { .text(trimmedText($0..<($0 + 8))) })
        }
        switch v.missingCode {
        case -2: return .range(low: rangeBound(number(at: values[0])), high: rangeBound(number(at: values[1])), discrete: nil)
        case -3:
            return .range(
                low: rangeBound(number(at: values[0])), high: rangeBound(number(at: values[1])),
                discrete: number(at: values[2]))
        default: return .discrete(values.map { .number(number(at: $0)) })
        }
    }

    /// Subtype 21 (long string value labels) and 22 (long string missing values).
    private func applyLongStringRecords(to columns: inout [DataColumn], plans: [ColumnPlan]) throws(SAVError.Kind) {
        let index = ColumnIndex(plans)
        func column(named name: String) -> Int? { index.long(name) ?? index.short(name) }
        for record in dict.longStringLabels {
            var c = SAVCursor(UnsafeBufferPointer(rebasing: bytes[record]), bigEndian: dict.header.bigEndian)
            do {
                while !c.atEnd {
                    let name = text(shift(try c.span(try c.int32()), record))
                    _ = try c.int32()  // width
                    let count = try c.int32()
                    guard count >= 0 else { throw SAVError.Kind.inconsistent("negatief aantal") }
                    let target = column(named: name)
                    for _ in 0..<count {
                        let value = shift(try c.span(try c.int32()), record)
                        let label = shift(try c.span(try c.int32()), record)
                        guard let target else { continue }  // labels of an unknown variable: nothing to label
                        let entry = ValueLabelEntry(value: .text(trimmedText(value)), label: text(label))
                        columns[target].valueLabels.append(entry)
                    }
                }
            } catch {
                throw .inconsistent("onleesbaar record met waardelabels van lange tekstvariabelen (7/21) bij byte \(record.lowerBound)")
            }
        }
        for record in dict.longStringMissing {
            var c = SAVCursor(UnsafeBufferPointer(rebasing: bytes[record]), bigEndian: dict.header.bigEndian)
            do {
                while !c.atEnd {
                    let name = text(shift(try c.span(try c.int32()), record))
                    let count = Int(try c.byte())
                    let length = try c.int32()
                    guard (1...3).contains(count), length >= 0 else { throw SAVError.Kind.inconsistent("aantal") }
                    var values: [ValueLabelEntry.Value] = []
                    for _ in 0..<count { values.append(.text(trimmedText(shift(try c.span(length), record)))) }
                    if let target = column(named: name) { columns[target].missing = .discrete(values) }
                }
            } catch {
                throw .inconsistent(
                    "onleesbaar record met ontbrekende waarden van lange tekstvariabelen (7/22) bij byte \(record.lowerBound)")
            }
        }
    }

    /// A range of a record-local cursor as a range of the file.
    private func shift(_ local: Range<Int>, _ record: Range<Int>) -> Range<Int> {
        (local.lowerBound + record.lowerBound)..<(local.upperBound + record.lowerBound)
    }
}
