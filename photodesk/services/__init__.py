"""Use cases that the CLI and the TUI both call; they own I/O and transactions."""
