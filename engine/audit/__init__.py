"""The audit log: operators' and vendor owners' mutations (who, what, when, from where)."""
