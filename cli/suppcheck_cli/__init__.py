"""The suppcheck command line: a thin front end over the suppcheck library."""
