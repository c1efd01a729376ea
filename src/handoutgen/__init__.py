"""handoutgen: YAML content and layouts to printable, checked PDF handouts."""

__version__ = "0.1.0"
