"""Each variant's price over time, for the lowest price of the previous 30 days."""
