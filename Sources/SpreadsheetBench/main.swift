import Foundation
import Spreadsheet

// Measures the library in a release build:
//   swift run -c release SpreadsheetBench [csv rows] [xlsx rows]
// CSV: a registry-shaped file (1,000,000 rows by default), parsed three ways, in MB/s.
// XLSX: an export of 100,000 rows by default, written and read back, in rows/s.

let arguments = CommandLine.arguments.dropFirst().compactMap(Int.init)
let csvRows = arguments.first ?? 1_000_000
let xlsxRows = arguments.dropFirst().first ?? 100_000

try CSVBench.run(rows: csvRows)
try XLSXBench.run(rows: xlsxRows)
