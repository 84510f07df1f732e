"""Presentation: each output a package (tables, page, workbook, machine, charts); their language."""
