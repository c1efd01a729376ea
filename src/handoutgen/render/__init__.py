"""The renderers: a resolved Document to a PDF (pdf/) or a self-contained HTML page (html/)."""
