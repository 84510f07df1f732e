"""Presentation: numbers and labels in English and Swedish, and the output formats."""
