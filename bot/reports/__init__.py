"""Reports: HTML, Markdown, CSV, JSON, XLSX and charts from a scored result."""
