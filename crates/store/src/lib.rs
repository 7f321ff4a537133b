//! The store: entente's SQLite database.
