"""The desk screen's widgets: table, detail panel and its parts."""
