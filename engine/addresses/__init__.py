"""The buyer's address book: saved postal addresses, one of them the default."""
