"""Pure logic: no I/O, no clock, no UI. Everything here is a function of its arguments."""
