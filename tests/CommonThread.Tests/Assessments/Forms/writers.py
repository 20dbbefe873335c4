"""Writers for the corpus: each turns a form (sheets of cells) into a file as one program saves it.

A cell is a str, bool, int/float, None (empty), F(...) (a formula with the result its program saved),
Blank() (a styled cell with no value) or Space() (a cell holding only spaces).
Flat ODS is written for LibreOffice to open and save as .xlsx and .xls itself (real LibreOffice files);
the Excel- and Google-Sheets-shaped .xlsx are written here, mimicking each program's XML: they are
"shaped like" that program's output, not saved by it.
"""
import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr


@dataclass
class F:
    """A formula: Excel syntax, OpenFormula syntax (LibreOffice), and the saved result (None: saved without one)."""
    excel: str
    of: str
    result: object


class Blank:
    pass


@dataclass
class Date:
    """A date typed into the sheet: each program stores a day number in a date style (CSV writes it as shown)."""
    year: int
    month: int
    day: int

    def iso(self):
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def serial(self):
        import datetime
        return (datetime.date(self.year, self.month, self.day) - datetime.date(1899, 12, 30)).days


class Space:
    pass


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


# ---------------------------------------------------------------- flat ODS (for LibreOffice)

def fods(sheets, styled_to=0):
    """styled_to: the sheets end with styled empty rows down to that row (LibreOffice keeps them as repeated rows)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
           'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" '
           'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
           '<office:automatic-styles><style:style style:name="ce1" style:family="table-cell">'
           '<style:table-cell-properties fo:background-color="#fff2cc"/></style:style>'
           '<number:date-style style:name="N37"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/>'
           '<number:text>-</number:text><number:day number:style="long"/></number:date-style>'
           '<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N37"/>'
           '<style:style style:name="ro2" style:family="table-row"><style:table-row-properties style:row-height="0.6cm" '
           'style:use-optimal-row-height="false"/></style:style></office:automatic-styles>',
           '<office:body><office:spreadsheet>']
    for name, rows in sheets.items():
        out.append(f'<table:table table:name={quoteattr(name)}>')
        for row in rows:
            out.append('<table:table-row>' + ''.join(ods_cell(c) for c in row) + '</table:table-row>')
        if styled_to > len(rows):
            width = max(len(r) for r in rows)
            out.append(f'<table:table-row table:style-name="ro2" table:number-rows-repeated="{styled_to - len(rows)}">'
                       f'<table:table-cell table:style-name="ce1" table:number-columns-repeated="{width}"/></table:table-row>')
        out.append('</table:table>')
    out.append('</office:spreadsheet></office:body></office:document>')
    return '\n'.join(out).encode()


def ods_value(v):
    if isinstance(v, bool):
        return f'office:value-type="boolean" office:boolean-value="{str(v).lower()}"><text:p>{"TRUE" if v else "FALSE"}</text:p>'
    if isinstance(v, (int, float)):
        return f'office:value-type="float" office:value="{v}"><text:p>{v}</text:p>'
    return f'office:value-type="string" office:string-value={quoteattr(str(v))}><text:p>{escape(str(v))}</text:p>'


def ods_cell(c):
    if c is None or c == "":
        return '<table:table-cell/>'
    if isinstance(c, Blank):
        return '<table:table-cell table:style-name="ce1"/>'
    if isinstance(c, Space):
        return '<table:table-cell office:value-type="string"><text:p>   </text:p></table:table-cell>'
    if isinstance(c, Date):
        return f'<table:table-cell table:style-name="ce2" office:value-type="date" office:date-value="{c.iso()}"><text:p>{c.iso()}</text:p></table:table-cell>'
    if isinstance(c, F):
        return f'<table:table-cell table:formula={quoteattr("of:=" + c.of)} ' + ods_value(c.result) + '</table:table-cell>'
    return '<table:table-cell ' + ods_value(c) + '</table:table-cell>'


# ---------------------------------------------------------------- OOXML (.xlsx) shaped like Excel or Google Sheets

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '{sheets}'
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      '{props}</Types>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def xlsx(sheets, program, bottom_row=False, grid_rows=0):
    """program: "excel" or "google". bottom_row: a styled row (and a cell of spaces) at row 1,048,576, as Ctrl+Shift+Down formatting leaves.
    grid_rows: the sheet grid Google Sheets exports, every row down to it with styled empty cells."""
    strings, index = [], {}

    def si(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    sheet_xml = []
    for name, rows in sheets.items():
        width = max(len(r) for r in rows)
        body = []
        for r, row in enumerate(rows, start=1):
            cells = ''.join(xlsx_cell(f'{col(c)}{r}', v, si, program) for c, v in enumerate(row))
            attrs = f' spans="1:{width}" x14ac:dyDescent="0.25"' if program == "excel" else ''
            body.append(f'<row r="{r}"{attrs}>{cells}</row>')
        for r in range(len(rows) + 1, grid_rows + 1):
            body.append(f'<row r="{r}">' + ''.join(f'<c r="{col(c)}{r}" s="1"/>' for c in range(width)) + '</row>')
        if bottom_row:
            body.append(f'<row r="1048576" spans="1:{width}" s="1" customFormat="1" x14ac:dyDescent="0.25">'
                        f'<c r="A1048576" s="1" t="s"><v>{si("   ")}</v></c><c r="B1048576" s="1"/></row>')
        if program == "excel":
            head = (f'<worksheet {NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" '
                    'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
                    f'<dimension ref="A1:{col(width - 1)}{len(rows)}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
                    '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>')
            tail = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
        else:
            head = (f'<worksheet {NS} xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
                    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                    '<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr>'
                    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1.0" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                    '</sheetView></sheetViews><sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/>')
            tail = '<drawing r:id="rId1"/></worksheet>' if False else '</worksheet>'
        sheet_xml.append(head + '<sheetData>' + ''.join(body) + '</sheetData>' + tail)

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        names = list(sheets)
        props = ('<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                 if program == "excel" else '')
        z.writestr('[Content_Types].xml', CT.format(sheets=''.join(
            f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(len(names))), props=props))
        z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   + ('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
                      if program == "excel" else '') + '</Relationships>')
        if program == "excel":
            z.writestr('docProps/app.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                       '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                       '<Application>Microsoft Excel</Application><AppVersion>16.0300</AppVersion></Properties>')
        pr = '<workbookPr defaultThemeVersion="166925"/>' if program == "excel" else '<workbookPr/>'
        z.writestr('xl/workbook.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS}>{pr}<sheets>'
                   + ''.join(f'<sheet name={quoteattr(n)} sheetId="{i + 1}" r:id="rId{i + 3}"/>' for i, n in enumerate(names))
                   + '</sheets><calcPr calcId="191029"/></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                   '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                   + ''.join(f'<Relationship Id="rId{i + 3}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                             f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(names))) + '</Relationships>')
        z.writestr('xl/styles.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {NS}>'
                   + ('' if program == "excel" else '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>') +
                   '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
                   '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
                   '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/></patternFill></fill></fills>'
                   '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
                   '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" applyFill="1"/>'
                   + ('<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>' if program == "excel"
                      else '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>') + '</cellXfs>'
                   '</styleSheet>')
        for i, x in enumerate(sheet_xml):
            z.writestr(f'xl/worksheets/sheet{i + 1}.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + x)
        # Shared strings last: every sheet has added its texts. (Excel writes count and uniqueCount; Google Sheets only the strings.)
        counts = f' count="{len(strings)}" uniqueCount="{len(strings)}"' if program == "excel" else ''
        z.writestr('xl/sharedStrings.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {NS}{counts}>'
                   + ''.join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' if s != s.strip() else f'<si><t>{escape(s)}</t></si>' for s in strings)
                   + '</sst>')
    return buf.getvalue()


def xlsx_cell(ref, v, si, program):
    if v is None or v == "":
        return ''
    if isinstance(v, Blank):
        return f'<c r="{ref}" s="1"/>'
    if isinstance(v, Space):
        return f'<c r="{ref}" t="s"><v>{si("  ")}</v></c>'
    if isinstance(v, Date):
        return f'<c r="{ref}" s="2"><v>{v.serial()}</v></c>'
    if isinstance(v, F):
        f = f'<f>{escape(v.excel)}</f>'
        if v.result is None:
            return f'<c r="{ref}">{f}</c>'
        if isinstance(v.result, bool):
            return f'<c r="{ref}" t="b">{f}<v>{int(v.result)}</v></c>'
        if isinstance(v.result, (int, float)):
            return f'<c r="{ref}">{f}<v>{v.result}</v></c>'
        return f'<c r="{ref}" t="str">{f}<v>{escape(v.result)}</v></c>'
    if isinstance(v, bool):
        return f'<c r="{ref}" t="b"><v>{int(v)}</v></c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="s"><v>{si(v)}</v></c>'


# ---------------------------------------------------------------- CSV (pyxform's one-file layout)

def csv_text(v, program):
    if v is None or isinstance(v, Blank):
        return ""
    if isinstance(v, Space):
        return "  "
    if isinstance(v, Date):
        return v.iso()
    if isinstance(v, F):
        v = v.result
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    return str(v)


def one_file_csv(sheets, program, trailing=0):
    """program: "kobo" quotes every cell; "google" quotes only where needed and writes TRUE/FALSE; trailing: ",,,," lines at the end."""
    width = max(len(r) for rows in sheets.values() for r in rows) + 1
    lines = []
    for name, rows in sheets.items():
        for i, row in enumerate(rows):
            cells = [name if i == 0 else ""] + [csv_text(c, program) for c in row]
            cells += [""] * (width - len(cells))
            lines.append(cells)
    lines += [[""] * width] * trailing

    def q(c):
        if program == "kobo":
            return '"' + c.replace('"', '""') + '"'
        return '"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\n') else c

    newline = "\r\n" if program == "google" else "\n"
    return newline.join(",".join(q(c) for c in line) for line in lines).encode() + newline.encode()
