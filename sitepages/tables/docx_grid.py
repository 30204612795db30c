"""The tables of a Word document (.docx) as grids of cell texts.

python-docx repeats a merged cell in every grid position it covers (a "Thứ Hai" cell merged
down over four lines reads as "Thứ Hai" on each of them; a note merged across a row reads as
the same text in every column), which is what the column reader expects. Nested tables are
read as the text of their cell.
"""

import io

from tenants.text import line_clean

Grid = list[tuple[int, list[str]]]  # (row number in the table, from 1; cell texts on one line)


def docx_grids(data: bytes) -> list[Grid]:
    """Every table of the document, in order, blank rows left out.

    Raises whatever python-docx raises for a broken file; `reading.grids_read` turns that into
    a Vietnamese sentence.
    """
    from docx import Document

    document = Document(io.BytesIO(data))
    grids = []
    for table in document.tables:
        grid = []
        for number, row in enumerate(table.rows, start=1):
            cells = [line_clean(cell.text) for cell in row.cells]
            if any(cells):
                grid.append((number, cells))
        if grid:
            grids.append(grid)
    return grids
