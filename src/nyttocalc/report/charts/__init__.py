"""Charts: a chart as data, drawn as text (plotext) or as SVG."""
