"""Product and vendor reviews from verified buyers, operator moderation, rating aggregates."""
