import Foundation
import KTOImport
import Testing
@testable import KTOModel

/// A code column keeps codes in one byte where it can; readers must see the same `Int16` codes,
/// markers included, whatever the storage.
@Suite("Code columns: narrow storage reads as the codes")
struct CodeColumnTests {
    @Test func everyNarrowCodeAndBothMarkersComeBackAsThemselves() {
        let codes = CodeColumn.narrowRange.map { Int16($0) } + [Dataset.noAnswer, Dataset.unreadable]
        for code in codes {
            #expect(CodeColumn.widen(CodeColumn.narrow(code)) == code, "\(code)")
        }
        // The byte values are all different: no code takes a marker's place.
        #expect(Set(codes.map(CodeColumn.narrow)).count == codes.count)
        #expect(CodeColumn.narrow(Dataset.noAnswer) == -128 && CodeColumn.narrow(Dataset.unreadable) == -127)
    }

    @Test func storageFollowsTheCodes() {
        let small: CodeColumn = [7, 99, Dataset.noAnswer, -126, 127, Dataset.unreadable]
        #expect(small.isNarrow)
        #expect(Array(small) == [7, 99, Dataset.noAnswer, -126, 127, Dataset.unreadable])
        // -127 and -128 are the markers' bytes; 128 and 998 do not fit a byte.
        for code: Int16 in [-127, -128, 128, 998, .max] {
            let column = CodeColumn([1, code, Dataset.noAnswer])
            #expect(!column.isNarrow, "\(code)")
            #expect(Array(column) == [1, code, Dataset.noAnswer])
        }
    }

    @Test func equalByCodesWhateverTheStorage() {
        let narrow = CodeColumn([4, 5, Dataset.noAnswer])
        let wide = CodeColumn(storage: .wide([4, 5, Dataset.noAnswer]))
        #expect(narrow.isNarrow && !wide.isNarrow)
        #expect(narrow == wide && wide == narrow)
        #expect(narrow != CodeColumn(storage: .wide([4, 5, Dataset.unreadable])))
        #expect(narrow != CodeColumn(storage: .wide([4, 5])))
        #expect(Dataset.Column.codes(narrow) == .codes(wide))
    }

    @Test func appendingKeepsEveryRow() {
        var column = CodeColumn(narrow: true)
        column.appendEmpty(2)
        column.append(contentsOf: [3, 9])
        #expect(column.isNarrow && Array(column) == [Dataset.noAnswer, Dataset.noAnswer, 3, 9])
        // A wide file after a narrow one widens the column, codes unchanged.
        column.append(contentsOf: CodeColumn(storage: .wide([998, Dataset.unreadable])))
        #expect(!column.isNarrow && Array(column) == [Dataset.noAnswer, Dataset.noAnswer, 3, 9, 998, Dataset.unreadable])
        column.appendEmpty(1)
        column.append(contentsOf: [1])
        #expect(column.codes == [Dataset.noAnswer, Dataset.noAnswer, 3, 9, 998, Dataset.unreadable, Dataset.noAnswer, 1])
    }

    /// The loader chooses the width from the codebook: every code the decoder can store (valid,
    /// missing, reversed) must fit, or the column is wide.
    @Test func decoderWidthFromTheCodebook() throws {
        let text = """
            variable;type;chapter;section;text;values;labels;missing;polarity;previous
            respnr;id;;;Respondentnummer;;;;;
            gemeente;group;;;Gemeente;;1=A;;;
            cijfer;grade;A;A;Cijfer;;;99=weet niet;;
            hoog;grade;A;A;Cijfer;;;998=geweigerd;;
            jaar;category;A;A;Jaar;;2015=Toen|2017=Nu;;;
            stipt;likert;A;A;Stipt;;;9=weet niet;positive;
            """
        let codebook = try Codebook.parse(SourceText(bytes: Array(text.utf8), file: "codebook.csv"))
        let narrow = codebook.variables.map { CellDecoder(variable: $0).isNarrow }
        #expect(narrow == [true, true, true, false, false, true])
    }

    /// Decoders made together share the answer-text tables of variables with the same answers;
    /// each table is the one made for that variable alone. The sample codebook's statements
    /// share theirs; a variable with other labels or missing codes gets its own.
    @Test func decodersMadeTogetherEqualDecodersMadeAlone() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sample = try Codebook.load(path: root.appendingPathComponent("SampleData/codebook.csv").path)
        var variables = sample.variables
        // A statement like the others but with one label changed, and one with another missing code.
        let statement = try #require(variables.firstIndex { $0.type == .likert })
        var relabelled = variables[statement]
        relabelled.code = "anders"
        relabelled.labels[0].label = "Volstrekt oneens"
        var otherMissing = variables[statement]
        otherMissing.code = "anders_missend"
        otherMissing.missing = [ValueLabel(code: 8, label: "geen mening")]
        variables += [relabelled, otherMissing]
        let together = CellDecoder.all(variables)
        for (decoder, variable) in zip(together, variables) {
            let alone = CellDecoder(variable: variable)
            #expect(decoder.answerCodes == alone.answerCodes && decoder.labelCodes == alone.labelCodes, "\(variable.code)")
            #expect(decoder.kinds == alone.kinds && decoder.low == alone.low && decoder.isNarrow == alone.isNarrow)
        }
        #expect(together[together.count - 2].answerCodes["volstrekt oneens"] != nil)
        #expect(together[together.count - 2].answerCodes != together[statement].answerCodes)
    }

    /// A codebook with codes beyond a byte (a missing code 998, categories by year) reads the
    /// same codes through the loader as one that fits: the wide column keeps them, the narrow
    /// ones next to it keep theirs, labels and empty and unreadable cells included.
    @Test func wideAndNarrowColumnsReadTheirCodes() throws {
        let folder = TempFolder()
        folder.write("codebook.csv", MiniStudy.codebook
            .replacingOccurrences(of: "99=weet niet|98=n.v.t.", with: "99=weet niet|998=geweigerd")
            .replacingOccurrences(of: "traject;category;Trajecten;Traject;Volgt u een traject?;;1=Nee|2=Ja;;;-",
                                  with: "traject;category;Trajecten;Traject;Sinds wanneer?;;2015=Eerder|2017=Nu;;;-"))
        folder.write("data.csv", """
            respnr;gemeente;cijfer;stipt;wisselen;traject;goed
            1;1;998;4;2;2017;
            2;2;geweigerd;5;1;2015;
            3;3;7;;9;;
            4;1;-5;x;2;Nu;
            """)
        let loaded = try LoadedStudy.load(studyPath: folder.write("kto.study", MiniStudy.study()))
        func column(_ code: String) throws -> CodeColumn {
            guard case .codes(let column)? = loaded.current.column(code) else { throw CodeColumnError.missing(code) }
            return column
        }
        let cijfer = try column("cijfer"), stipt = try column("stipt"), traject = try column("traject")
        #expect(!cijfer.isNarrow && stipt.isNarrow && !traject.isNarrow)
        #expect(Array(cijfer) == [998, 998, 7, Dataset.unreadable])
        #expect(Array(stipt) == [4, 5, Dataset.noAnswer, Dataset.unreadable])
        #expect(Array(traject) == [2017, 2015, Dataset.noAnswer, 2017])
    }

    enum CodeColumnError: Error { case missing(String) }
}
