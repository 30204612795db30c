"""Tables the school already typed (Word, Excel, a table pasted from either) read into rows.

Three small steps, each a plain module: `reading` turns bytes or pasted text into grids of cell
texts (`docx_grid` for Word, the school-list reader of `tenants` for Excel and CSV), `weekdays`
reads a day the way schools write it, and `columns` finds the header row and turns each line
into the row of a page's table (a work schedule, a lesson register, a menu, a timetable), with
every line it cannot read kept and reported for correction.
"""
