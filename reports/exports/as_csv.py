"""The report as CSV: one row per listed school, items joined with "; ".

UTF-8 with a byte-order mark, because that is what makes Excel show Vietnamese correctly.
Every cell goes through `formulas.csv_row`: a school's name never becomes a formula.
"""

import csv
import io

from reports.exports.document import listed_schools
from reports.exports.formulas import csv_row

HEADER = (
    "Xếp loại", "Mã trường", "Tên trường", "Cơ quan quản lý", "Website", "Điểm (%)",
    "Số mục thiếu", "Số mục trễ", "Các mục thiếu", "Các mục trễ",
)  # fmt: skip


def render(document: dict) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for _, label, school in listed_schools(document):
        writer.writerow(
            csv_row(
                (
                    label,
                    school["code"],
                    school["name"],
                    school["authority"],
                    school["website"],
                    "" if school["score"] is None else school["score"],
                    len(school["missing_items"]),
                    len(school["late_items"]),
                    "; ".join(i["text"] for i in school["missing_items"]),
                    "; ".join(i["text"] for i in school["late_items"]),
                )
            )
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
