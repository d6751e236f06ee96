#!/bin/sh
# Independent check of the kto xlsx writer with LibreOffice: converts every sheet of the sample
# workbook to CSV with the cells "as shown" (number formats applied, nothing recalculated into
# text) and compares each with the hand-checked copy in libreoffice/; then prints the sample to PDF
# and renders its pages to PNG for a look.
#
#   sh Tests/Fixtures/xlsx-writer/check_with_libreoffice.sh SAMPLE.xlsx [OUTDIR]
#
# Needs soffice (LibreOffice >= 7.2 for the all-sheets CSV option), pdfinfo and pdftoppm.
# Exits 1 when a sheet differs.
set -eu
sample=$1
here=$(cd "$(dirname "$0")" && pwd)
out=${2:-$(mktemp -d)}
mkdir -p "$out"
work=$(mktemp -d)
cp "$sample" "$work/sample.xlsx"
# A private profile, and a fixed locale so that the shown numbers are always en-US.
profile="file://$work/profile"
export LC_ALL=C.UTF-8 LANG=C.UTF-8
# Filter options: separator ',', quote '"', UTF-8, from line 1, default cell format, language 0,
# quoted fields not as text, detect special numbers, save cell contents as shown, no formulas,
# keep spaces, no BOM... last token -1 = every sheet, each to sample-<sheet>.csv.
(cd "$work" && soffice --headless "-env:UserInstallation=$profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,true,false,false,-1' sample.xlsx >/dev/null 2>&1)
status=0
for expected in "$here"/libreoffice/*.csv; do
    sheet=$(basename "$expected" .csv)
    if cmp -s "$expected" "$work/sample-$sheet.csv"; then
        echo "LibreOffice: sheet '$sheet' as expected"
    else
        echo "LibreOffice: sheet '$sheet' DIFFERS:"
        diff "$expected" "$work/sample-$sheet.csv" | head -20 || true
        status=1
    fi
done
found=$(ls "$work"/sample-*.csv | wc -l)
wanted=$(ls "$here"/libreoffice/*.csv | wc -l)
if [ "$found" != "$wanted" ]; then echo "LibreOffice wrote $found sheets, expected $wanted"; status=1; fi
(cd "$work" && soffice --headless "-env:UserInstallation=$profile" --convert-to pdf sample.xlsx >/dev/null 2>&1)
cp "$work/sample.pdf" "$out/sample.pdf"
pdfinfo "$out/sample.pdf" | grep -E '^(Pages|Page size)'
pdftoppm -png -r 60 "$out/sample.pdf" "$out/page"
echo "PDF and page images in $out"
rm -rf "$work"
exit $status
