import Foundation
import KTOImport
import KTOModel

/// The fixed files the fuzzed ones are read against: a tiny study (three gemeenten, a grade, a
/// statement, a category and a coded open question) in a temporary folder, its codebook and
/// loaded dataset, and a scratch file for inputs that the API reads from disk.
final class FuzzContext: @unchecked Sendable {
    // `@unchecked Sendable`: every property is set in `init` and never changed; the scratch file
    // is written by the one thread that runs the targets.

    static let codebookText = """
        variable;type;chapter;section;text;values;labels;missing;polarity;previous
        respnr;id;;;Respondentnummer;;;;;
        gemeente;group;;;Gemeente;;1=Leidschendam-Voorburg|2=Voorschoten|3=Wassenaar;;;
        cijfer;grade;Algemeen;Algemeen;De dienstverlening als geheel;;;99=weet niet|98=n.v.t.;;
        stipt;likert;Consulenten;Stellingen;Houden zich aan afspraken;;;9=weet niet;positive;
        wisselen;likert;Consulenten;Stellingen;Wisselen vaak;;;9=weet niet;negative;wissel
        traject;category;Trajecten;Traject;Volgt u een traject?;;1=Nee|2=Ja;;;-
        goed_tekst;text;Open;Goed;Wat is goed?;;;;;
        goed_codes;multi;Open;Goed;Wat is goed? (gecodeerd);;1=Stipt|2=Vriendelijk|3=Anders;;;

        """

    static let studyText = """
        title = Fuzz
        meting = 2015
        data = data.csv
        codebook = codebook.csv
        group = gemeente
        [population]
        Leidschendam-Voorburg = 100
        Voorschoten = 20
        Wassenaar = 20

        """

    /// The study's data as the seed of the loader target (and the dataset the coding target codes).
    static let dataText = [
        "respnr;gemeente;cijfer;stipt;wisselen;traject;goed_tekst;goed_codes;opmerking",
        "1;1;7;4;2;1;Prima;1;",
        "2;Voorschoten;7,0;helemaal eens;weet niet;2;;;",
        "3;1;11;4;2;1;\"tekst met ; en \"\"quote\"\"\";1|3;x",
        "4;4;8;4;2;1;x;;",
        "5;1;8;4;2",
        "1;2;6;3;3;1;dubbel;;",
        ";;;;;;;;",
        "8;;6;3;3;1;;;",
        "9;3;6,5;zes;3;1;\"meer\r\nregels\";2 3;",
        "",
        "12;Den Haag;6;3;3;1;;;",
        "13;3;\"7\"x;3;3;1;;;",
        "14;2; 9 ;n.v.t.;9;1;\"a\rb\";9;",
        "0015;1;weet niet;;;;;x;",
    ].joined(separator: "\r\n") + "\r\n"

    /// Clean data for the study target's report: every row usable, a weight column, answers in
    /// every gemeente and category.
    static let reportText: String = {
        var rows = ["respnr;gemeente;cijfer;stipt;wisselen;traject;goed_tekst;goed_codes;gewicht"]
        for k in 1...60 {
            let open = k % 4 == 0 ? "Goed geholpen door mevrouw Jansen, bel 06-12345678" : ""
            rows.append("\(k);\(1 + k % 3);\(1 + k * 7 % 10);\(1 + k % 5);\(1 + k * 3 % 5);\(1 + k % 2);\(open);\(k % 3 == 0 ? "1|2" : "");\(1 + Double(k % 7) / 4)")
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }()

    let folder: String
    let scratch: String
    let study: Study
    let codebook: Codebook
    let questions: [OpenQuestion]
    /// The study's data loaded (for the coding target).
    let dataset: Dataset
    /// The sample study's codebook (its benchmarks and keyword dictionary name its variables), or
    /// this study's when the repository is not found.
    let sampleCodebook: Codebook
    let sampleQuestions: [OpenQuestion]

    init(root: String?) throws {
        folder = NSTemporaryDirectory() + "kto-fuzz-" + String(ProcessInfo.processInfo.processIdentifier)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.codebookText.write(toFile: folder + "/codebook.csv", atomically: false, encoding: .utf8)
        try Self.studyText.write(toFile: folder + "/kto.study", atomically: false, encoding: .utf8)
        try Self.dataText.write(toFile: folder + "/data.csv", atomically: false, encoding: .utf8)
        try Self.reportText.write(toFile: folder + "/report.csv", atomically: false, encoding: .utf8)
        scratch = folder + "/input.csv"
        study = try Study.load(path: folder + "/kto.study")
        codebook = try Codebook.load(path: folder + "/codebook.csv", displayName: "codebook.csv")
        questions = codebook.openQuestions
        dataset = try DatasetLoader(study: study, codebook: codebook).load(files: study.dataFiles, meting: study.meting).0
        if let root, let sample = try? Codebook.load(path: root + "/SampleData/codebook.csv", displayName: "codebook.csv") {
            sampleCodebook = sample
        } else {
            sampleCodebook = codebook
        }
        sampleQuestions = sampleCodebook.openQuestions
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes `bytes` to the scratch file and returns it as a study file entry.
    func writeScratch(_ bytes: [UInt8], name: String = "input.csv") -> Study.DataFile {
        _ = FileManager.default.createFile(atPath: scratch, contents: Data(bytes))
        return Study.DataFile(path: scratch, displayName: name)
    }
}
