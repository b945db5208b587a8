"""Makes the workbook fixtures the reader is tested against, as other tools write them.

    pip install openpyxl && python3 make_fixtures.py        # openpyxl.xlsx, mac1904.xlsx, handmade.xlsx, corrupt.xlsx
    libreoffice --headless --convert-to xlsx --outdir lo openpyxl.xlsx && mv lo/openpyxl.xlsx libreoffice.xlsx

The expected values are spelled out in XLSXReaderFixtureTests.swift; change both together.
"""
import datetime
import zipfile

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904


def openpyxl_fixture():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "企业信息"
    ws.append(["统一社会信用代码", "企业名称", "营业收入（元）", "成立日期", "认证时间", "是否高新", "得分率", "合计"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.append(["91350100MA2XYZ1234", "福州质量科技有限公司", 1234567.89, datetime.date(2015, 6, 30),
               datetime.datetime(2024, 3, 1, 8, 30, 15), True, 0.875, "=C2*2"])
    ws.append(["91350100MA2XYZ5678", "闽江标准化服务中心", 100, datetime.date(1900, 3, 1),
               datetime.datetime(1900, 2, 28, 12, 0, 0), False, 0.5, "=C3*2"])
    ws["C2"].number_format = "#,##0.00"
    ws["D2"].number_format = 'yyyy"年"m"月"d"日"'
    ws["D3"].number_format = "yyyy-mm-dd"
    ws["G2"].number_format = "0.0%"
    # Sparse: a gap row (4), then a lone cell far to the right on row 6.
    ws["F6"] = "孤立单元格"
    ws["A7"] = "  前后空格  "
    ws["B7"] = "第一行\n第二行"
    ws["C7"] = -0.01
    second = wb.create_sheet("Data")
    second["A1"] = "only"
    second["B2"] = 42
    wb.save("openpyxl.xlsx")


def mac1904_fixture():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws["A1"] = datetime.date(2024, 2, 29)
    ws["A1"].number_format = "yyyy-mm-dd"
    ws["A2"] = datetime.date(1904, 1, 1)
    ws["A2"].number_format = "yyyy-mm-dd"
    wb.save("mac1904.xlsx")


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def handmade_fixture():
    """Quirks seen in files from Excel, WPS and generators: prefixed elements, cells and rows without `r`,
    rich text with phonetic runs, _xHHHH_ escapes, formula results of every type, absolute and oddly-cased
    relationship targets, CJK built-in date format 31, and no styles.xml for the second sheet's workbook."""
    content_types = f"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""
    root_rels = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>"""
    workbook = f"""<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="{MAIN}" xmlns:r="{REL}"><x:sheets>
<x:sheet name="Quirks" sheetId="7" r:id="rIdA"/><x:sheet name="隐藏" sheetId="8" state="hidden" r:id="rIdB"/>
</x:sheets></x:workbook>"""
    workbook_rels = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG}">
<Relationship Id="rIdA" Type="{REL}/worksheet" Target="/xl/worksheets/Sheet1.xml"/>
<Relationship Id="rIdB" Type="{REL}/worksheet" Target="worksheets/../worksheets/sheet2.xml"/>
<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="SharedStrings.xml"/>
<Relationship Id="rIdT" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rIdL" Type="{REL}/hyperlink" Target="http://example.invalid/" TargetMode="External"/>
</Relationships>"""
    shared = f"""<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="{MAIN}" count="4" uniqueCount="4">
<si><t>plain</t></si>
<si><r><rPr><b/></rPr><t>质量</t></r><r><t xml:space="preserve"> 强市</t></r><rPh sb="0" eb="2"><t>zhiliang</t></rPh></si>
<si><t>line_x000D_break_x005F_x0041_</t></si>
<si><t></t></si>
</sst>"""
    styles = f"""<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="200" formatCode="[$-F800]dddd, mmmm dd, yyyy"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="200"/><xf numFmtId="20"/><xf numFmtId="4"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="14" formatCode="yyyy"/></dxf></dxfs>
</styleSheet>"""
    sheet1 = f"""<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="{MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">
<x:dimension ref="A1:E4"/><x:sheetData>
<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>
<x:row r="3" x14ac:dyDescent="0.25"><x:c r="B3" s="1"><x:v>45352</x:v></x:c><x:c s="2"><x:v>45352.5</x:v></x:c><x:c r="E3" s="3"><x:v>0.75</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="B4" t="e"><x:f>NA()</x:f><x:v>#N/A</x:v></x:c><x:c r="C4" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="D4" t="b"><x:f>TRUE()</x:f><x:v>1</x:v></x:c><x:c r="E4" s="4"><x:f>SUM(1,2)</x:f><x:v>3.0000000000000004</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c><x:c r="B5" t="d"><x:v>2024-02-29T00:00:00Z</x:v></x:c><x:c r="C5" t="d"><x:v>2024-02-29T13:45:00</x:v></x:c><x:c r="D5"><x:v>1.5E-3</x:v></x:c><x:c r="E5"><x:v>-12</x:v></x:c></x:row>
<x:row r="6"><x:c r="A6" s="1"/><x:c r="B6" t="s"/></x:row>
</x:sheetData></x:worksheet>"""
    sheet2 = f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="{MAIN}"><sheetData><row r="2"><c r="B2"><v>7</v></c></row></sheetData></worksheet>"""
    with zipfile.ZipFile("handmade.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/worksheets/sheet1.xml", sheet1)
        z.writestr("xl/worksheets/sheet2.xml", sheet2)


def corrupt_fixture():
    """A well-formed package whose first sheet's XML is cut off at line 3."""
    with zipfile.ZipFile("openpyxl.xlsx") as source, zipfile.ZipFile("corrupt.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b'<?xml version="1.0"?>\n<worksheet xmlns="' + MAIN.encode() + b'">\n<sheetData><row r="1"><c r="A1"><v>1</v></row>'
            z.writestr(item, data)


if __name__ == "__main__":
    openpyxl_fixture()
    mac1904_fixture()
    handmade_fixture()
    corrupt_fixture()
