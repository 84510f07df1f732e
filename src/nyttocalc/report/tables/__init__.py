"""The text every command prints: tables and charts, drawn for a terminal, a file or Markdown."""
