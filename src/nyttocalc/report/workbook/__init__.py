"""The Excel workbook of `nyttocalc export`: its sheets, live formulas and cells that stay text."""
