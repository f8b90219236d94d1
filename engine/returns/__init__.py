"""Return requests within the withdrawal period: a buyer asks, the vendor approves (the
rest of that vendor order is refunded through the core) or refuses with a note."""
