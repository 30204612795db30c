"""The school calendar and the period vocabulary, shared by the site and the compliance engine.

Pure Python (standard library only), the bottom layer every app may import: local time
(`localtime`), public holidays and the lunar table (`holidays`, `lunar`), an authority's school
years with Tết and other break weeks (`calendar`), the machine keys of periods (`periods`) and
the labels people read (`labels`). The parents' "Tuần N", the editor's panels and the engine all
number weeks with `SchoolCalendar`, so they cannot disagree.
"""
