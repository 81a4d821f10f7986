"""The first screen: the window as it was left, painted from a snapshot before the workspace and its ORM load.

Cold start used to spend most of its time importing SQLAlchemy and building every view before anything showed. Now
the app paints the last window's tree, gauge and item from a small JSON snapshot taken when the window closed, and
only then opens the workspace and builds the real window, which takes over in place. The snapshot is trusted only
while the database file is exactly as it was left (same file, size and time, no open write-ahead log); anything
else starts the ordinary way. Nothing here imports SQLAlchemy, and the modules the first paint needs import no more
than Qt and the standard library."""
