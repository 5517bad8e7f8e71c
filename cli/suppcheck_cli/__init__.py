"""The suppcheck command line: a thin front end over the suppcheck library."""

__version__ = "0.1.0"  # the package version; a test keeps it equal to the installed metadata
