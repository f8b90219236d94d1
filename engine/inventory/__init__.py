"""Inventory: stock and seats, taken and given back with conditional updates only."""
