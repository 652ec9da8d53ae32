"""All SQL lives here: the reference database (build and read) and the user database."""
