"""Alembic environment for eventwire's store (SQLite and PostgreSQL share one history)."""

from alembic import context
from sqlalchemy import create_engine

from eventwire.store.schema import metadata

config = context.config
url = config.get_main_option("sqlalchemy.url")
connectable = config.attributes.get("connection") or create_engine(url)


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


if hasattr(connectable, "connect") and not hasattr(connectable, "execute"):
    with connectable.connect() as conn:
        run(conn)
else:
    run(connectable)
