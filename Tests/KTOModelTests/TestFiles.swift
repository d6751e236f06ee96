import Foundation

/// A temporary folder with files written by a test; removed when the value is dropped.
final class TempFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "kto-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let file = path + "/" + name
        // A fixture that cannot be written would make the test about something else.
        precondition(FileManager.default.createFile(atPath: file, contents: Data(bytes)), "cannot write \(file)")
        return file
    }
}

/// A small, valid study: three gemeenten, a grade, a statement, a category and an open answer.
enum MiniStudy {
    static let codebook = """
    variable;type;chapter;section;text;values;labels;missing;polarity;previous
    respnr;id;;;Respondentnummer;;;;;
    gemeente;group;;;Gemeente;;1=Leidschendam-Voorburg|2=Voorschoten|3=Wassenaar;;;
    cijfer;grade;Algemeen;Algemeen;De dienstverlening als geheel;;;99=weet niet|98=n.v.t.;;
    stipt;likert;Consulenten;Stellingen;Houden zich aan afspraken;;;9=weet niet;positive;
    wisselen;likert;Consulenten;Stellingen;Wisselen vaak;;;9=weet niet;negative;wissel
    traject;category;Trajecten;Traject;Volgt u een traject?;;1=Nee|2=Ja;;;-
    goed;text;Open;Goed;Wat is goed?;;;;;-

    """

    static func study(data: String = "data.csv", extra: String = "") -> String {
        """
        title = Proef
        meting = 2015
        data = \(data)
        codebook = codebook.csv
        group = gemeente
        [population]
        Leidschendam-Voorburg = 100
        Voorschoten = 20
        Wassenaar = 20
        \(extra)
        """
    }
}
