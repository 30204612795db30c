"""Property tests: whatever a file or a cell holds, the import answers with a message, never a
crash (issue 11: bad input everywhere is a specific Vietnamese message, not a traceback)."""

import csv
import datetime
import io
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tenants.hosts import HostError, host_normalise
from tenants.services.bulk_import import (
    ImportFileError,
    RowOutcome,
    schools_import_parse,
    schools_import_preview,
)
from tenants.services.import_columns import serves_meals_parse
from tenants.services.validation import SchoolInputError, levels_parse

PROPERTIES = settings(database=None, deadline=None, max_examples=60)
HEADER = ["STT", "Tên trường", "Cấp học", "Tên miền", "Email hiệu trưởng", "Bán trú"]

# Text as it reaches a cell: Vietnamese letters in NFC and NFD, separators, quotes, control and
# invisible characters, and now and then something very long.
vietnamese = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ àáảãạằắẳẵặầấẩẫậ"))
cell_chars = st.one_of(
    vietnamese,
    st.sampled_from(list(",;\t\"'&-/.@()\n\r\u00a0\u200b\ufeff\x00\x07")),
    st.characters(codec="utf-8"),
)
cell_text = st.one_of(
    st.text(cell_chars, max_size=40),
    st.sampled_from(["Mầm non", "TH và THCS", "Liên cấp", "x", "Có", "a.edu.vn", "1"]),
    st.text(cell_chars, min_size=250, max_size=400),
).map(lambda text: unicodedata.normalize("NFD", text) if len(text) % 3 == 0 else text)
rows = st.lists(st.lists(cell_text, min_size=0, max_size=8), max_size=12)


def _csv_bytes(table, encoding: str, delimiter: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(table)
    return buffer.getvalue().encode(encoding, errors="replace")


@PROPERTIES
@given(st.binary(max_size=3000))
def test_any_bytes_are_read_or_refused_with_a_message(data):
    try:
        schools_import_parse(data=data, filename="danh-sach.csv")
    except ImportFileError as error:
        assert "danh-sach.csv" in str(error)


@PROPERTIES
@given(st.binary(max_size=3000))
def test_any_bytes_that_look_like_a_zip_are_refused_with_a_message(data):
    with pytest.raises(ImportFileError, match="danh-sach.xlsx"):
        schools_import_parse(data=b"PK\x03\x04" + data, filename="danh-sach.xlsx")


@PROPERTIES
@given(
    rows,
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"]),
    st.sampled_from([",", ";", "\t"]),
)
def test_any_cells_in_a_text_list_are_read_or_refused_with_a_message(table, encoding, delimiter):
    data = _csv_bytes([HEADER, *table], encoding, delimiter)
    try:
        parsed = schools_import_parse(data=data, filename="truong.csv")
    except ImportFileError as error:
        assert "truong.csv" in str(error)
        return
    for row in parsed.rows:
        assert all(unicodedata.is_normalized("NFC", value) for value in row.values.values())
        for field, check, error_type in (
            ("levels", levels_parse, SchoolInputError),
            ("domain", host_normalise, HostError),
            ("serves_meals", serves_meals_parse, SchoolInputError),
        ):
            try:
                check(row.values.get(field, ""))
            except error_type as error:
                assert str(error)


xlsx_cell = st.one_of(
    cell_text,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**16), max_value=10**16),
    st.floats(allow_nan=True, allow_infinity=False),
    st.dates(min_value=datetime.date(1900, 3, 1), max_value=datetime.date(2100, 1, 1)),
)


def _excel_safe(value):
    # openpyxl refuses control characters in strings; Excel itself cannot hold them either.
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")[:32000]
    return value


@PROPERTIES
@given(st.lists(st.lists(xlsx_cell, max_size=8), max_size=10), st.integers(0, 6))
def test_any_cells_in_a_workbook_are_read_or_refused_with_a_message(table, title_rows):
    book = Workbook()
    sheet = book.active
    for _ in range(title_rows):
        sheet.append(["DANH SÁCH CÁC TRƯỜNG"])
    sheet.append(HEADER)
    for row in table:
        sheet.append([_excel_safe(value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    try:
        parsed = schools_import_parse(data=buffer.getvalue(), filename="truong.xlsx")
    except ImportFileError as error:
        assert "truong.xlsx" in str(error)
        return
    assert parsed.header_row == title_rows + 1


@pytest.mark.django_db
@settings(
    database=None,
    deadline=None,
    max_examples=25,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rows)
def test_the_preview_of_any_list_gives_every_row_an_outcome(authority, table):
    """Through the database: a preview never raises, and each row gets one outcome with a
    Vietnamese reason when it is an error."""
    data = _csv_bytes([HEADER, *table], "utf-8", ",")
    try:
        parsed = schools_import_parse(data=data, filename="truong.csv")
    except ImportFileError:
        return
    preview = schools_import_preview(parsed=parsed, authority=authority)
    assert [row.number for row in preview.rows] == [row.number for row in parsed.rows]
    for row in preview.rows:
        assert row.message.startswith(f"Dòng {row.number}")
        if row.outcome == RowOutcome.ERROR:
            assert row.errors
