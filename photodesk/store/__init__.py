"""The only SQLModel/SQLAlchemy user."""
