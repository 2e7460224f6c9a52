"""photodesk: captions and credit lines for newsroom photo desks."""

__version__ = "0.1.0"
