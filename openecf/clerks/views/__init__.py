"""The clerk's desk pages, at /clerk/. Thin: resolve the clerk and the court scope, call one service, render."""
