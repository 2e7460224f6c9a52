"""Article text in, caption drafts out. Pure: the caller reads the file."""
