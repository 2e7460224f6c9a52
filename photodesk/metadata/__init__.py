"""The only code that opens image files."""
